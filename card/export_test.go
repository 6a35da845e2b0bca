package card

// ComputeGeneral is Compute with the engine's shortcuts turned off, for
// tests that hold the shortcuts to the general path.
func ComputeGeneral(a Account) (Statement, error) { return compute(a, true) }
