package money

// ResultLimit is the magnitude every amount of a result rounded to places
// decimal places must stay below: 10^(28−places) keeps its coefficient
// under 10^28 < 2^95, the most an Amount holds, and 10^27 is the most
// Amount.UnmarshalJSON reads back, so a result within it is both
// computable and decodable. Entry points whose outputs sum or multiply
// inputs bound what they will output against it before the work and
// reject the request naming the field that pushes it over (a
// 400, never an overflowed result).
func ResultLimit(places int) Amount {
	return New(1, -min(maxResultExp, 28-places))
}
