package money

import "strings"

// Grouped returns a as String does, with a comma between each group of
// three digits before the decimal point, such as "1,050.00" or
// "-27,496.01": the form an amount is read aloud in. Only the whole part
// is grouped, so the digits are exactly String's and parsing the text
// with the commas removed gives a back.
func (a Amount) Grouped() string {
	s := a.String()
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if len(whole) <= 3 {
		return sign + s
	}
	var b strings.Builder
	b.Grow(len(sign) + len(s) + len(whole)/3)
	b.WriteString(sign)
	for i := range len(whole) {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(whole[i])
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return b.String()
}
