package book

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

var testAsOf = money.MustParseDate("2025-06-30")

func bookLines(t testing.TB, n int, seed uint64) []string {
	var buf bytes.Buffer
	require.NoError(t, Write(context.Background(), &buf, n, seed, testAsOf))
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	require.Len(t, lines, n)
	return lines
}

// Every line of a generated book decodes strictly to the account it was
// written from, on the fast path, to exactly what money.DecodeJSON gives.
func TestBookRoundTrips(t *testing.T) {
	b := NewGenerator(3, testAsOf)
	var line []byte
	for i := range 3000 {
		a := b.Account()
		line = AppendAccount(line[:0], a)
		var slow, fast, viaStd penalty.Account
		require.NoError(t, money.DecodeJSON(line, &slow), "line %d: %s", i, line)
		require.True(t, decodeFast(line, &fast), "fast path declined line %d: %s", i, line)
		require.Equal(t, slow, fast, "line %d", i)
		// appendAccount says what json.Marshal says.
		std, err := json.Marshal(a)
		require.NoError(t, err)
		require.NoError(t, money.DecodeJSON(std, &viaStd))
		if viaStd.Payments == nil { // json.Marshal writes null, the book []
			viaStd.Payments = []penalty.Payment{}
		}
		require.Equal(t, viaStd, slow, "line %d", i)
	}
}

// requireSameDecoding checks the fast path against money.DecodeJSON on
// one input: whatever it accepts DecodeJSON accepts, with the same
// Account; and decodeAccount always agrees with DecodeJSON, errors
// included.
func requireSameDecoding(t testing.TB, data []byte) (fastOK bool) {
	var slow, fast, via penalty.Account
	slowErr := money.DecodeJSON(data, &slow)
	fastOK = decodeFast(data, &fast)
	if fastOK {
		require.NoError(t, slowErr, "fast path accepted what DecodeJSON rejects: %s", data)
		require.Equal(t, slow, fast, "%s", data)
	}
	viaErr := DecodeAccount(data, &via)
	if slowErr != nil {
		require.EqualError(t, viaErr, slowErr.Error(), "%s", data)
	} else {
		require.NoError(t, viaErr)
		require.Equal(t, slow, via, "%s", data)
	}
	// A Decoder that has read other lines (remembering their zeros and
	// months) decodes it the same, and so do a fresh one and one that has
	// read this input before.
	var d Decoder
	for _, warm := range warmLines {
		var a penalty.Account
		require.NoError(t, d.DecodeAccount([]byte(warm), &a))
	}
	for range 2 {
		var again penalty.Account
		err := d.DecodeAccount(data, &again)
		if slowErr != nil {
			require.EqualError(t, err, slowErr.Error(), "%s", data)
			continue
		}
		require.NoError(t, err)
		require.Equal(t, slow, again, "%s", data)
	}
	return fastOK
}

// warmLines are read by a Decoder before the input under test: zeros of
// two and three places, a zero rate, and dates from 2023 to 2026.
var warmLines = []string{
	`{"as_of":"2025-06-30","installments":[{"due_date":"2024-12-31","principal":"1.00","interest":"0.000","fee":"0.00"},{"due_date":"2025-01-31","principal":"2.00"}],"payments":[{"date":"2023-02-28","amount":"3.00"}],"policy":{"penalty_rate":{"rate":"0.0005","unit":"daily","markup":"0"}}}`,
	`{"as_of":"2026-01-01","installments":[{"due_date":"2025-02-28","principal":"1.00","interest":"0","fee":"0.0"}],"policy":{"penalty_rate":{"rate":"0.1","unit":"annual","markup":"0.00"},"cap":"0.0"}}`,
}

var fastPathCases = []struct {
	old, new string
	fast     bool // whether decodeFast should take it (its own reading or the value's UnmarshalJSON)
}{
	{"", "", true},
	{`"as_of"`, `"asof"`, false},                         // unknown key
	{`"as_of"`, `"AS_OF"`, false},                        // encoding/json folds case; the slow path decides
	{`{"as_of"`, `{"as_of":"2020-01-01","as_of"`, false}, // repeated key
	{`"principal":"`, `"principal":1`, false},
	{`"2025-06-30"`, `"2025\u002d06-30"`, false},
	{`"2025-06-30"`, `"2025-02-29"`, false},
	{`"2025-06-30"`, `"2024-02-29"`, true},
	{`"2025-06-30"`, `"1899-12-31"`, false},
	{`"2025-06-30"`, `"2025-6-30"`, false},
	{`"2025-06-30"`, `"2025-06-31"`, false},
	{`"cap":"0.24"`, `"cap":null`, false},
	{`"cap":"0.24"`, `"cap":"0.240"`, true},
	{`"cap":"0.24"`, `"cap":"1e-1"`, false}, // only plain digits are read here
	{`"cap":"0.24"`, `"cap":"abc"`, false},
	{`"cap":"0.24"`, `"cap":"10000000"`, false}, // beyond a request's 10^6, which Rate.UnmarshalJSON would take
	{`"cap":"0.24"`, `"cap":"1000000"`, false},  // 7 integer digits: declined, DecodeJSON takes it
	{`"cap":"0.24"`, `"cap":"999999.5"`, true},
	{`"cap":"0.24"`, `"cap":"00.24"`, true},
	{`"cap":"0.24"`, `"cap":"0"`, true},
	{`"cap":"0.24"`, `"cap":"0.000"`, true},
	{`"cap":"0.24"`, `"cap":"-0.1"`, false},
	{`"cap":"0.24"`, `"cap":"0.000000000001"`, true},
	{`"cap":"0.24"`, `"cap":"0.1234567890123"`, false},
	{`"cap":"0.24"`, `"cap":"1."`, false},
	{`"cap":"0.24"`, `"cap":".1"`, false},
	{`"cap":"0.24"`, `"cap":0.24`, false},
	{`"markup":"0.3"`, `"markup":"0"`, true},
	{`"markup":"0.3"`, `"markup":"0.0"`, true},
	{`"rate":"0.01"`, `"rate":"1e-2"`, false},
	{`"2025-06-30"`, `"2200-12-31"`, true},
	{`"2025-06-30"`, `"2201-01-01"`, false},
	{`"2025-06-30"`, `"2025-06-3x"`, false},
	{`"2025-06-30"`, `"2025-06-30 "`, false},
	{`"2025-06-30"`, `"2025/06/30"`, false},
	{`"2025-06-30"`, `"2025-00-10"`, false},
	{`"2025-02-22"`, `"2025-02-28"`, true},
	{`"2025-02-22"`, `"2025-02-29"`, false},
	// installments and payments written otherwise than the book does
	// take the general reader
	{`,"interest":"1147.42"`, ``, true},
	{`,"interest":"1147.42"`, ` , "interest" : "1147.42" `, true},
	{`{"due_date":"2025-02-22","principal":"57370.75"`, `{"principal":"57370.75","due_date":"2025-02-22"`, true},
	{`{"due_date":"2025-02-22","principal":"57370.75"`, `{"due_date":"2025-02-22"`, false},
	{`{"due_date":"2025-02-22"`, `{"due_date":"2025-02-22","due_date":"2025-02-22"`, false},
	{`{"due_date":"2025-02-22"`, `{"Due_date":"2025-02-22"`, false},
	{`{"due_date":"2025-02-22"`, `{"due_date" :"2025-02-22"`, true},
	{`"installments":[`, `"installments":[ `, true},
	{`"fee":"0.00"}`, `"fee":"0.00" }`, true},
	{`"fee":"0.00"}`, `"fee":"0.00",}`, false},
	{`"fee":"0.00"}`, `"fee":"0.00"]`, false},
	{`{"date":"2025-03-20","amount":"116749.48"}`, `{"amount":"116749.48","date":"2025-03-20"}`, true},
	{`{"date":"2025-03-20","amount":"116749.48"}`, `{"date":"2025-03-20"}`, false},
	{`{"date":"2025-03-20","amount":"116749.48"}`, `{}`, false},
	{`{"date":"2025-03-20","amount":"116749.48"}`, `{"date":"2025-03-20","amount":"116749.48","amount":"1.00"}`, false},
	{`"amount":"116749.48"}`, `"amount":"116749.48"}  `, true},
	{`"amount":"116749.48"}`, `"amount":"-116749.48"}`, false},
	{`"grace_days":2`, `"grace_days":2.0`, false},
	{`"grace_days":2`, `"grace_days":02`, false},
	{`"grace_days":2`, `"grace_days":-1`, true},
	{`"grace_days":2`, `"grace_days":-0`, true},
	{`"grace_days":2`, `"grace_days":1e1`, false},
	{`"grace_days":2`, `"grace_days":"2"`, false},
	{`"grace_days":2`, `"grace_days":12345678901`, false},
	{`"grace_days":2`, `"grace_days":123456789`, true},
	{`"fee":"0.00"`, `"fee":"0"`, true},
	{`"fee":"0.00"`, `"fee":"000.000"`, true},
	{`"fee":"0.00"`, `"fee":"007.50"`, true},
	{`"fee":"0.00"`, `"fee":"1e3"`, false},
	// two places after 1 to 7 integer digits are read a word at a time
	{`"fee":"0.00"`, `"fee":"1234567.89"`, true},
	{`"fee":"0.00"`, `"fee":"12345678.90"`, true},
	{`"fee":"0.00"`, `"fee":"00000000.00"`, true},
	{`"fee":"0.00"`, `"fee":"0000000.01"`, true},
	{`"fee":"0.00"`, `"fee":"9.99"`, true},
	{`"fee":"0.00"`, `"fee":"1.2"`, true},
	{`"fee":"0.00"`, `"fee":"1.234"`, true},
	{`"fee":"0.00"`, `"fee":"1.23x"`, false},
	{`"fee":"0.00"`, `"fee":"1.2.3"`, false},
	{`"fee":"0.00"`, `"fee":"1.2"3"`, false},
	{`"fee":"0.00"`, `"fee":"1:23"`, false},
	{`"fee":"0.00"`, `"fee":"1/23"`, false},
	{`"fee":"0.00"`, `"fee":"1.:3"`, false},
	{`"fee":"0.00"`, `"fee":".5"`, false},
	{`"fee":"0.00"`, `"fee":"5."`, false},
	{`"fee":"0.00"`, `"fee":"+5"`, false},
	{`"fee":"0.00"`, `"fee":"-1.00"`, false},
	{`"fee":"0.00"`, `"fee":"1.000000000000"`, true},
	{`"fee":"0.00"`, `"fee":"1.0000000000000"`, false},
	{`"fee":"0.00"`, `"fee":"999999999999999.999"`, true},
	{`"fee":"0.00"`, `"fee":"1000000000000000"`, false},
	{`"fee":"0.00"`, `"fee":"99999999999999999.9"`, false},
	{`"fee":"0.00"`, `"fee":"1０"`, false},
	{`"fee":"0.00"`, `"fee":"1	2"`, false},
	{`"unit":"annual"`, `"unit":"ANNUAL"`, false},
	{`"unit":"annual"`, `"unit":"daily"`, true},
	{`"unit":"annual"`, `"unit":"annual "`, false},
	{`"payments":[`, `"waivers":[],"payments":[`, false},
	{`"policy":{`, `"policy":{"rounding":{"places":0},`, false},
	{`"policy":{`, `"policy":{"allocation":["principal","interest","fee","late_fee","penalty"],`, false},
	{`"policy":{`, `"policy":{"accrual_rounding":"daily","allocation_scope":"component",`, true},
	{`"policy":{`, `"policy":{"accrual_rounding":"hourly",`, false},
	{`}]`, `},]`, false}, // trailing comma
	{`,"policy"`, ` , "policy" `, true},
	{`{"as_of"`, " \n\t{ \"as_of\" ", true},
	{`"late_fee":{`, `"late_fee":{"kind":"fixed","kind":"none",`, false},
}

func baseLine(t testing.TB) string {
	// An account with every field the book writes: stop, cap, percent fee
	// with a maximum.
	b := NewGenerator(11, testAsOf)
	for {
		a := b.Account()
		if a.Policy.Cap != nil && a.Policy.StopAfterDays > 0 && a.Policy.LateFee.Max.IsPositive() && len(a.Payments) > 0 && a.Policy.GraceDays == 2 {
			return string(AppendAccount(nil, a))
		}
	}
}

func TestFastPathAgreesWithDecodeJSON(t *testing.T) {
	base := baseLine(t)
	require.Contains(t, base, `"fee":"0.00"`)
	for _, c := range fastPathCases {
		require.Contains(t, base, c.old)
		line := strings.Replace(base, c.old, c.new, 1)
		assert.Equal(t, c.fast, requireSameDecoding(t, []byte(line)), "%s → %s", c.old, c.new)
	}
	for _, line := range []string{
		base + "{}", base + " x", base + "\n", base[:len(base)-1], "{}", `{"as_of":null}`, "[]", "null", `"x"`, "",
		`{"installments":[]}`, `{"installments":null}`, `{"payments":[{}]}`, `{"policy":{"penalty_rate":{},"late_fee":{}}}`,
		// required fields left out (money.DecodeJSON insists on them; the fast path must decline)
		`{"as_of":"2025-06-30","installments":[{"due_date":"2025-01-01","interest":"0","fee":"0"}]}`,
		`{"as_of":"2025-06-30","installments":[{"principal":"1.00"}]}`,
		`{"installments":[{"due_date":"2025-01-01","principal":"1.00"}]}`,
		`{"as_of":"2025-06-30","installments":[{"due_date":"2025-01-01","principal":"1.00"}],"payments":[{"date":"2025-02-01"}]}`,
		`{"as_of":"2025-06-30","installments":[{"due_date":"2025-01-01","principal":"1.00"}],"policy":{"penalty_rate":{"unit":"daily"}}}`,
		`{"as_of":"2025-06-30","installments":[{"due_date":"2025-01-01","principal":"1.00"}],"policy":{"late_fee":{"amount":"5.00"}}}`,
		`{"as_of":"2025-06-30","installments":[{"due_date":"2025-01-01","principal":"1.00"}]}`,
	} {
		requireSameDecoding(t, []byte(line))
	}
}

// Every prefix of a line, and the line with any one byte changed to one
// that matters to the scanner, decode as money.DecodeJSON decodes them:
// the fast path declines whatever it does not read exactly, wherever the
// input ends (near the end it cannot compare 16 bytes at a time).
func TestFastPathPrefixesAndMutations(t *testing.T) {
	lines := []string{
		baseLine(t),
		`{"as_of":"2025-06-30","installments":[{"due_date":"2025-01-01","principal":"1.00","interest":"0","fee":"0"}]}`,
		`{"as_of":"2025-06-30","installments":[],"payments":[{"date":"2025-01-01","amount":"7"}]}`,
	}
	for _, line := range lines {
		require.True(t, requireSameDecoding(t, []byte(line)), line)
		for n := range len(line) {
			require.False(t, requireSameDecoding(t, []byte(line[:n])), line[:n])
		}
	}
	step := 1
	if testing.Short() {
		step = 7
	}
	base := []byte(lines[0])
	for i := 0; i < len(base); i += step {
		for _, c := range []byte{'"', '0', '.', ' ', 'x', '\\', ',', '}', 0x7f, 0xc3} {
			data := bytes.Clone(base)
			data[i] = c
			requireSameDecoding(t, data)
		}
	}
}

// One Decoder, remembering zeros and months from line to line, decodes a
// run of lines as money.DecodeJSON decodes each: the book's lines, lines
// of other dates, amounts and rates, and broken lines between them.
func TestDecoderAcrossLines(t *testing.T) {
	var d Decoder
	g := NewGenerator(8, testAsOf)
	r := rand.New(rand.NewPCG(8, 9))
	var fast [3]int // by kind of line
	for i := range 1500 {
		var line []byte
		switch i % 3 {
		case 0:
			line = AppendAccount(nil, g.Account())
		case 1:
			a := randomAccount(r)
			// Dates in money's range, amounts within a request's bounds.
			a.AsOf = money.NewDate(money.MinYear+r.IntN(301), 1+time.Month(r.IntN(12)), 1+r.IntN(28))
			for k := range a.Installments {
				in := &a.Installments[k]
				in.DueDate = a.AsOf.AddMonths(k - 12)
				in.Principal, in.Interest, in.Fee = money.New(r.Int64N(1e9), r.IntN(4)), money.New(0, r.IntN(4)), money.New(r.Int64N(100), 2)
			}
			for k := range a.Payments {
				a.Payments[k].Date = a.AsOf.AddDays(-r.IntN(400))
				a.Payments[k].Amount = money.New(r.Int64N(1e7), 2)
			}
			line = refLine(a)
		default:
			line = AppendAccount(nil, g.Account())
			line[r.IntN(len(line))] = `"0.,}x`[r.IntN(6)]
		}
		var slow, got penalty.Account
		slowErr := money.DecodeJSON(line, &slow)
		err := d.DecodeAccount(line, &got)
		if slowErr != nil {
			require.EqualError(t, err, slowErr.Error(), "%s", line)
			continue
		}
		require.NoError(t, err, "%s", line)
		require.Equal(t, slow, got, "%s", line)
		var p scanner
		if p.decode(line, &got) {
			fast[i%3]++
		}
	}
	require.Equal(t, 500, fast[0])  // every line of the book
	require.Greater(t, fast[1], 50) // those of the others with rates of plain digits
}

// A line of many installments and payments (more than any plan of the
// book) and lines of none decode on the fast path.
func TestFastPathLongAndEmptyLists(t *testing.T) {
	var a penalty.Account
	a.AsOf = testAsOf
	for k := range 70 {
		a.Installments = append(a.Installments, penalty.Installment{DueDate: money.NewDate(2019, 1, 31).AddMonths(k),
			Principal: money.New(int64(100+k), 2), Interest: money.New(int64(k), 2), Fee: money.New(0, 2)})
		a.Payments = append(a.Payments, penalty.Payment{Date: money.NewDate(2019, 2, 1).AddDays(30 * k), Amount: money.New(int64(50+k), 2)})
	}
	a.Policy.PenaltyRate = penalty.PenaltyRate{Rate: money.MustParseRate("0.0005"), Unit: penalty.Daily}
	long := AppendAccount(nil, a)
	require.True(t, requireSameDecoding(t, long))
	var got penalty.Account
	require.NoError(t, DecodeAccount(long, &got))
	require.Len(t, got.Installments, 70)
	require.Len(t, got.Payments, 70)
	for _, line := range []string{
		`{"as_of":"2025-06-30","installments":[],"payments":[]}`,
		`{"as_of":"2025-06-30","installments":[ ],"payments":[ ]}`,
		`{"as_of":"2025-06-30","installments":[]}`,
	} {
		require.True(t, requireSameDecoding(t, []byte(line)), line)
		require.NoError(t, DecodeAccount([]byte(line), &got))
		require.NotNil(t, got.Installments) // [] is an empty list, as encoding/json reads it
	}
}

// dateOf gives money.NewDate's date for every day of the years dates may
// have, walked in order (the next month's first day found from the last
// month's) and in random order.
func TestDateOf(t *testing.T) {
	var p scanner
	for d := money.NewDate(money.MinYear, 1, 1); d.Year() <= money.MaxYear; d = d.AddDays(1) {
		y, m, dd := d.Date()
		require.Equal(t, d, p.dateOf(y, int(m), dd), d)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100_000 {
		y, m := money.MinYear+r.IntN(money.MaxYear-money.MinYear+1), 1+r.IntN(12)
		dd := 1 + r.IntN(daysIn(y, m))
		require.Equal(t, money.NewDate(y, time.Month(m), dd), p.dateOf(y, m, dd), "%d-%d-%d", y, m, dd)
	}
}

// leadingDigits and eightDigits read a word as a byte loop reads its
// bytes, for words of digits with any other bytes among them.
func TestWordDigits(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 200_000 {
		var w [8]byte
		for k := range w {
			switch r.IntN(4) {
			case 0:
				w[k] = byte(r.Uint32())
			case 1:
				w[k] = "/0:9.\"\x00\xff"[r.IntN(8)]
			default:
				w[k] = byte('0' + r.IntN(10))
			}
		}
		n, v := 0, uint64(0)
		for n < 8 && w[n] >= '0' && w[n] <= '9' {
			v = v*10 + uint64(w[n]-'0')
			n++
		}
		x := binary.LittleEndian.Uint64(w[:])
		require.Equal(t, n, leadingDigits(x), "%q", w)
		if n > 0 {
			require.Equal(t, v, eightDigits(x<<(64-8*n)), "%q", w)
		}
	}
}

// A token matches exactly its bytes, whether 16 bytes remain (compared a
// word at a time) or fewer.
func TestTokens(t *testing.T) {
	for _, tok := range []*token{&tokDueDate, &tokPrincipal, &tokInterest, &tokFee, &tokDate, &tokAmount} {
		for _, data := range []string{tok.s, tok.s + "0123456789abcdef", tok.s[:len(tok.s)-1], "x" + tok.s, tok.s[:len(tok.s)-1] + "x0123456789abcdef", ""} {
			p := scanner{b: []byte(data)}
			want := strings.HasPrefix(data, tok.s)
			require.Equal(t, want, p.tok(tok), "%q at %q", tok.s, data)
			if want {
				require.Equal(t, len(tok.s), p.i)
			} else {
				require.Zero(t, p.i)
			}
		}
	}
}

func FuzzDecodeAccount(f *testing.F) {
	base := baseLine(f)
	for _, c := range fastPathCases {
		f.Add([]byte(strings.Replace(base, c.old, c.new, 1)))
	}
	for _, line := range bookLines(f, 20, 5) {
		f.Add([]byte(line))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		requireSameDecoding(t, data)
	})
}
