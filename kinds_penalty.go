package repayplan

import "github.com/repayplan/repayplan/money"

func accrualKind([]byte) (any, error) { return nil, money.Errorf("kind", "not implemented yet") }
