package repayplan

import "github.com/repayplan/repayplan/penalty"

// accrualKind computes a penalty.Statement from a penalty.Account request.
func accrualKind(request []byte) (any, error) {
	return decodeAndRun(request, penalty.Accrue)
}
