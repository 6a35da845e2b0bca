package repayplan

import "github.com/repayplan/repayplan/plan"

func minimumPaymentKind(req []byte) (any, error) { return decodeAndRun(req, plan.Minimum) }

func payoffProjectionKind(req []byte) (any, error) { return decodeAndRun(req, plan.ProjectPayoff) }

func deferralKind(req []byte) (any, error) { return decodeAndRun(req, plan.Defer) }

func installmentPlanKind(req []byte) (any, error) { return decodeAndRun(req, plan.Restructure) }

func settlementKind(req []byte) (any, error) { return decodeAndRun(req, plan.Settle) }

func offersKind(req []byte) (any, error) { return decodeAndRun(req, plan.Offers) }
