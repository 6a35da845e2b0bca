package loan

// AccrueGeneral is Accrue on the general path: the engine runs on every
// installment. It also reports whether Accrue would take the shortcut.
func AccrueGeneral(a Account) (s Statement, shortcut bool, err error) {
	_, shortcut, _ = accrueStatement(a, true)
	s, _, err = accrueStatement(a, false)
	return s, shortcut, err
}
