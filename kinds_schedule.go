package repayplan

import "github.com/repayplan/repayplan/schedule"

func scheduleKind(req []byte) (any, error) { return decodeAndRun(req, schedule.New) }

func aprKind(req []byte) (any, error) { return decodeAndRun(req, schedule.APR) }

func prepaymentKind(req []byte) (any, error) { return decodeAndRun(req, schedule.Prepay) }
