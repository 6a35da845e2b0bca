package repayplan

import "github.com/repayplan/repayplan/money"

func scheduleKind([]byte) (any, error) { return nil, money.Errorf("kind", "not implemented yet") }

func aprKind([]byte) (any, error) { return nil, money.Errorf("kind", "not implemented yet") }

func prepaymentKind([]byte) (any, error) { return nil, money.Errorf("kind", "not implemented yet") }
