package penalty

// workspace is working memory that one engine after another may reuse:
// each of AccrueAll's workers keeps one, so that a book run allocates per
// account only what its statement returns. None of it is reachable from a
// statement (the ledgers, the active list, the owed bits and the sorted
// copies of payments and waivers listed out of date order are read, never
// returned). The zero value is ready; a
// nil *workspace allocates afresh, as Accrue does.
type workspace struct {
	ledgers  []ledger
	active   []int
	owing    []uint64
	payments []Payment
	waivers  []Waiver
}

// maxKept bounds the elements a workspace keeps of each slice between
// accounts: a worker that met one very long account does not hold its
// memory for the rest of the batch.
const maxKept = 1 << 12

// reuse returns a slice of length n, zeroed: *buf's array when it is
// large enough, else a new one, kept in *buf (unless buf is nil, or it is
// too large to keep).
func reuse[T any](buf *[]T, n int) []T {
	if buf != nil && cap(*buf) >= n {
		s := (*buf)[:n]
		clear(s)
		return s
	}
	s := make([]T, n)
	if buf != nil && n <= maxKept {
		*buf = s
	}
	return s
}

// grownByOne is s, full, with room for at least one more element at
// index len(s): for the record slices the engine writes in place at full
// length (segments, allocations), past the length they were made with.
func grownByOne[T any](s []T) []T {
	var zero T
	s = append(s, zero)
	return s[:cap(s)]
}

// Each returns the address of ws's slice of its kind, or nil for a nil
// ws (nothing kept).
func (ws *workspace) ledgerBuf() *[]ledger {
	if ws == nil {
		return nil
	}
	return &ws.ledgers
}

func (ws *workspace) activeBuf() *[]int {
	if ws == nil {
		return nil
	}
	return &ws.active
}

func (ws *workspace) owingBuf() *[]uint64 {
	if ws == nil {
		return nil
	}
	return &ws.owing
}

func (ws *workspace) paymentBuf() *[]Payment {
	if ws == nil {
		return nil
	}
	return &ws.payments
}

func (ws *workspace) waiverBuf() *[]Waiver {
	if ws == nil {
		return nil
	}
	return &ws.waivers
}
