package repayplan

import "github.com/repayplan/repayplan/money"

func minimumPaymentKind([]byte) (any, error) { return nil, money.Errorf("kind", "not implemented yet") }

func payoffProjectionKind([]byte) (any, error) {
	return nil, money.Errorf("kind", "not implemented yet")
}

func deferralKind([]byte) (any, error) { return nil, money.Errorf("kind", "not implemented yet") }

func installmentPlanKind([]byte) (any, error) {
	return nil, money.Errorf("kind", "not implemented yet")
}

func settlementKind([]byte) (any, error) { return nil, money.Errorf("kind", "not implemented yet") }

func offersKind([]byte) (any, error) { return nil, money.Errorf("kind", "not implemented yet") }
