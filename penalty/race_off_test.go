//go:build !race

package penalty_test

// timeScale stretches the heavy shapes' time bound under the race
// detector, which slows this code some tenfold; memory is not scaled.
const timeScale = 1
