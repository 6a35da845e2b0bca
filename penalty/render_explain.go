package penalty

import (
	"fmt"

	"github.com/repayplan/repayplan/internal/enum"
	"github.com/repayplan/repayplan/money"
)

// Language is a language a request may ask its explanation in: "zh" or
// "en".
type Language string

// The languages of the explanation.
const (
	ZH Language = "zh" // Chinese
	EN Language = "en" // English
)

// Sentences is an explanation rendered as the sentences an agent reads
// out, in the languages the request asked for (in the JSON, "sentences":
// {"zh": […], "en": […]}).
type Sentences struct {
	ZH []string `json:"zh,omitempty"`
	EN []string `json:"en,omitempty"`
}

// CheckLanguages checks a request's explain list (field is its JSON
// name): each entry zh or en, none twice. An empty list is valid and asks
// for no sentences.
func CheckLanguages(field string, langs []Language) error {
	seen := map[Language]bool{}
	for i, l := range langs {
		at := fmt.Sprintf("%s[%d]", field, i)
		if l != ZH && l != EN {
			return money.Errorf(at, "must be zh or en, got %q", string(l))
		}
		if seen[l] {
			return money.Errorf(at, "lists %s twice", string(l))
		}
		seen[l] = true
	}
	return nil
}

// Render renders an explanation in the languages langs asks for (checked
// by CheckLanguages), calling zh and en only for the languages asked; nil
// when none is asked, so a result that was not asked for sentences
// carries none.
func Render(langs []Language, zh, en func() []string) *Sentences {
	if len(langs) == 0 {
		return nil
	}
	var s Sentences
	for _, l := range langs {
		switch l {
		case ZH:
			s.ZH = zh()
		case EN:
			s.EN = en()
		}
	}
	return &s
}

// Wording is the terminology a statement's Chinese sentences use. The
// zero Wording is LoanWording.
type Wording uint8

const (
	// LoanWording calls the late fee 滞纳金 and the penalty interest 罚息,
	// as loan contracts do.
	LoanWording Wording = iota
	// CardWording calls the late fee 违约金, as card agreements have since
	// the 2017 rules replaced 滞纳金.
	CardWording
)

var wordingNames = []string{"loan", "card"}

func (w Wording) String() string                { return enum.Name(w, wordingNames) }
func (w Wording) MarshalText() ([]byte, error)  { return enum.Text(w, wordingNames) }
func (w *Wording) UnmarshalText(b []byte) error { return enum.Parse(b, wordingNames, w) }

// checkExplain checks what only the sentences read: the languages asked
// for and the policy's wording.
func checkExplain(a Account) error {
	if int(a.Policy.Wording) >= len(wordingNames) {
		return money.Errorf("policy.wording", "must be loan or card, got %d", a.Policy.Wording)
	}
	return CheckLanguages("explain", a.Explain)
}
