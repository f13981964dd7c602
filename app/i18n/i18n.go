// Package i18n is the catalogue of the interface's words: every label,
// date and number Gloss's own interface shows, in each language it
// speaks. Components take their words from here and nowhere else; the
// article's own text is the article's.
//
// A page speaks the article's language (its lang field); a language the
// catalogue lacks gets English words, but still its own direction.
package i18n

import (
	"strconv"
	"strings"

	"github.com/gloss/gloss/content"
)

// Strings are the interface's words in one language.
type Strings struct {
	// Lang is the catalogue's language, a BCP 47 primary tag.
	Lang string

	Kinds     map[content.Kind]string // a card's kind, shown at its top
	KindCards map[content.Kind]string // what a phrase opens, for screen readers

	SincePublication string // heading of what changed after publication
	AsOf             string // before the date it is current to, " · as of "
	Sources          string
	Timeline         string // the accessible name of a card's timeline
	Close            string // the × button's name
	CopyLink         string
	LinkCopied       string
	About            string // "About this article": button and panel title
	Published        string // before the article's date in the panel
	HideHighlights   string
	InstallApp       string
	UpdateAvailable  string // the update bar's text, before its button
	Reload           string
	Notes            string // heading of the printed endnotes
	Loading          string // go-app's loader (no percentage: the wasm streams straight to the compiler)

	By           string    // before an article's author
	Latest       string    // the front page's heading
	Updated      string    // marks an article whose context changed after it was published
	Newer, Older string    // the front page's links to the pages before and after
	PageOf       [2]string // "Page ", " of " between the numbers
	Pages        string    // the accessible name of the front page's page links
	// Cards counts an article's context cards: the word for one, for a
	// few (2–4, where the language tells them apart) and for many.
	Cards [3]string

	// UsedIn and Articles say how many articles show a shared card,
	// "Used in " and the word for articles in its three forms.
	UsedIn   string
	Articles [3]string
	// ContextUpdates names the feed of shared cards' updates.
	ContextUpdates string
	// NothingSince is a shared card's "Since publication" when none of
	// its developments is after the article's date.
	NothingSince string
	// UpdatedSinceRead marks a phrase whose shared card changed since
	// the reader last opened it; NewSinceRead heads what is new in it.
	UpdatedSinceRead, NewSinceRead string

	// Months in a full date, "8 February 2024" (genitive in Ukrainian:
	// "8 лютого 2024"), and with only the year, "February 2024".
	Months, MonthsAlone [12]string

	// Decimal and Group are the number separators; CurrencyAfter puts a
	// currency symbol after the number, with a no-break space.
	Decimal, Group string
	CurrencyAfter  bool
}

var en = &Strings{
	Lang: "en",
	Kinds: map[content.Kind]string{
		content.KindContext:    "Context",
		content.KindContested:  "Contested claim",
		content.KindFigure:     "Figures",
		content.KindCorrection: "Correction",
	},
	KindCards: map[content.Kind]string{
		content.KindContext:    "Context card",
		content.KindContested:  "Contested claim card",
		content.KindFigure:     "Figures card",
		content.KindCorrection: "Correction card",
	},
	SincePublication: "Since publication",
	AsOf:             " · as of ",
	Sources:          "Sources",
	Timeline:         "Timeline",
	Close:            "Close",
	CopyLink:         "Copy link",
	LinkCopied:       "Link copied",
	About:            "About this article",
	Published:        "Published ",
	HideHighlights:   "Hide highlights",
	InstallApp:       "Install app",
	UpdateAvailable:  "A new version of this page is available. ",
	Reload:           "Reload",
	Notes:            "Notes",
	Loading:          "Loading interactive features…",
	By:               "By ",
	Latest:           "Latest articles",
	Updated:          "Updated since publication",
	Newer:            "Newer articles",
	Older:            "Older articles",
	PageOf:           [2]string{"Page ", " of "},
	Pages:            "Pages",
	Cards:            [3]string{"context card", "context cards", "context cards"},
	UsedIn:           "Used in ",
	Articles:         [3]string{"article", "articles", "articles"},
	ContextUpdates:   "Context updates",
	NothingSince:     "Nothing new is recorded since publication.",
	UpdatedSinceRead: "Updated since you read it",
	NewSinceRead:     "New since you read it",
	Months: [12]string{"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"},
	MonthsAlone: [12]string{"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"},
	Decimal: ".",
	Group:   ",",
}

var uk = &Strings{
	Lang: "uk",
	Kinds: map[content.Kind]string{
		content.KindContext:    "Контекст",
		content.KindContested:  "Спірне твердження",
		content.KindFigure:     "Цифри",
		content.KindCorrection: "Виправлення",
	},
	KindCards: map[content.Kind]string{
		content.KindContext:    "Картка з контекстом",
		content.KindContested:  "Картка про спірне твердження",
		content.KindFigure:     "Картка з цифрами",
		content.KindCorrection: "Картка з виправленням",
	},
	SincePublication: "Після публікації",
	AsOf:             " · станом на ",
	Sources:          "Джерела",
	Timeline:         "Хронологія",
	Close:            "Закрити",
	CopyLink:         "Копіювати посилання",
	LinkCopied:       "Посилання скопійовано",
	About:            "Про цю статтю",
	Published:        "Опубліковано ",
	HideHighlights:   "Сховати виділення",
	InstallApp:       "Установити застосунок",
	UpdateAvailable:  "Доступна нова версія цієї сторінки. ",
	Reload:           "Оновити",
	Notes:            "Примітки",
	Loading:          "Завантаження інтерактивних функцій…",
	By:               "Автор: ",
	Latest:           "Останні статті",
	Updated:          "Оновлено після публікації",
	Newer:            "Новіші статті",
	Older:            "Давніші статті",
	PageOf:           [2]string{"Сторінка ", " з "},
	Pages:            "Сторінки",
	Cards:            [3]string{"картка з контекстом", "картки з контекстом", "карток з контекстом"},
	UsedIn:           "Використано у ",
	Articles:         [3]string{"статті", "статтях", "статтях"},
	ContextUpdates:   "Оновлення контексту",
	NothingSince:     "Після публікації нічого нового не зафіксовано.",
	UpdatedSinceRead: "Оновлено після вашого прочитання",
	NewSinceRead:     "Нове після вашого прочитання",
	Months: [12]string{"січня", "лютого", "березня", "квітня", "травня", "червня",
		"липня", "серпня", "вересня", "жовтня", "листопада", "грудня"},
	MonthsAlone: [12]string{"січень", "лютий", "березень", "квітень", "травень", "червень",
		"липень", "серпень", "вересень", "жовтень", "листопад", "грудень"},
	Decimal:       ",",
	Group:         "\u00a0",
	CurrencyAfter: true,
}

// catalogue is every language the interface speaks.
var catalogue = []*Strings{en, uk}

// For returns the words for the BCP 47 language tag lang ("uk",
// "uk-UA"), matched on its primary language; English when the catalogue
// lacks it.
func For(lang string) *Strings {
	p := primary(lang)
	for _, s := range catalogue {
		if s.Lang == p {
			return s
		}
	}
	return en
}

// rtl are the languages written right to left (their primary tags).
var rtl = []string{"ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi"}

// Dir is the direction of text in language lang: "rtl" or "ltr". A script
// subtag decides where there is one ("az-Arab", "ku-Latn").
func Dir(lang string) string {
	parts := strings.Split(strings.ToLower(lang), "-")
	for _, p := range parts[1:] {
		if len(p) == 4 {
			switch p {
			case "arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg":
				return "rtl"
			}
			return "ltr"
		}
	}
	for _, l := range rtl {
		if parts[0] == l {
			return "rtl"
		}
	}
	return "ltr"
}

func primary(lang string) string {
	p, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(lang)), "-")
	return p
}

// Kind is the name of a card's kind.
func (s *Strings) Kind(k content.Kind) string {
	if v, ok := s.Kinds[k]; ok {
		return v
	}
	return s.Kinds[content.KindContext]
}

// KindCard says, for a screen reader, what kind of card a phrase opens.
func (s *Strings) KindCard(k content.Kind) string {
	if v, ok := s.KindCards[k]; ok {
		return v
	}
	return s.KindCards[content.KindContext]
}

// Date writes d as the language writes dates: "8 February 2024",
// "February 2024", "2024"; "8 лютого 2024", "лютий 2024".
func (s *Strings) Date(d content.Date) string {
	switch {
	case d.IsZero():
		return ""
	case d.Month < 1 || d.Month > 12:
		return strconv.Itoa(d.Year)
	case d.Day == 0:
		return s.MonthsAlone[d.Month-1] + " " + strconv.Itoa(d.Year)
	default:
		return strconv.Itoa(d.Day) + " " + s.Months[d.Month-1] + " " + strconv.Itoa(d.Year)
	}
}

// Number writes v with the language's separators, as few decimals as it
// needs: "85,000", "60.84"; "85 000", "60,84". Four-digit whole numbers
// are not grouped ("1900", a year as often as an amount).
func (s *Strings) Number(v float64) string {
	whole, frac, _ := strings.Cut(strconv.FormatFloat(v, 'f', -1, 64), ".")
	sign := ""
	if strings.HasPrefix(whole, "-") {
		sign, whole = "-", whole[1:]
	}
	var b strings.Builder
	b.WriteString(sign)
	for i := range len(whole) {
		if len(whole) > 4 && i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(s.Group)
		}
		b.WriteByte(whole[i])
	}
	if frac != "" {
		b.WriteString(s.Decimal + frac)
	}
	return b.String()
}

// Currency writes a number (already formatted) with its currency symbol
// where the language puts it: "€17 bn", "17 bn €".
func (s *Strings) Currency(num, symbol string) string {
	if s.CurrencyAfter {
		return num + "\u00a0" + symbol
	}
	return symbol + num
}

// CardCount says how many context cards there are, with the word's form
// for the number: "1 context card", "3 картки з контекстом".
func (s *Strings) CardCount(n int) string {
	return strconv.Itoa(n) + " " + s.Cards[s.form(n)]
}

// UsedInCount says how many articles show a shared card: "Used in 3
// articles", "Використано у 3 статтях".
func (s *Strings) UsedInCount(n int) string {
	return s.UsedIn + strconv.Itoa(n) + " " + s.Articles[s.form(n)]
}

// form is which of a word's three forms goes with the number n: one, a
// few (2–4, where the language tells them apart) or many.
func (s *Strings) form(n int) int {
	if s.Lang == "en" {
		if n == 1 {
			return 0
		}
		return 2
	}
	switch {
	case n%10 == 1 && n%100 != 11:
		return 0
	case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
		return 1
	}
	return 2
}
