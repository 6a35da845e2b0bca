package main

import (
	"fmt"

	"github.com/repayplan/repayplan/penalty"
)

// phrases is one language of the screen: its two headings (the screen's
// own layout) and the language the library words everything else in.
type phrases struct {
	lang           penalty.Language
	statementTitle string
	offersTitle    string
}

func languages(lang string) ([]phrases, error) {
	zh := phrases{lang: penalty.ZH, statementTitle: "【账户欠款明细】", offersTitle: "【还款方案】"}
	en := phrases{lang: penalty.EN, statementTitle: "[What the account owes]", offersTitle: "[Ways out]"}
	switch lang {
	case "zh":
		return []phrases{zh}, nil
	case "en":
		return []phrases{en}, nil
	case "both", "":
		return []phrases{zh, en}, nil
	}
	return nil, fmt.Errorf("-lang: want zh, en or both, got %q", lang)
}
