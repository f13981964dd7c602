package catalog

import "github.com/gloss/gloss/content"

// The shared cards of the catalog's small archive: invented, like the
// fixtures, and written in Go until the parser reads a card library.
var (
	// HarbourLevy has developments after every article but the newest.
	HarbourLevy = content.Card{
		ID: "harbour-levy", Kind: content.KindFigure, Title: "The harbour levy",
		Body: para("A charge on every passenger leaving Port Alder by sea, set by the town council to pay for the harbour wall."),
		Timeline: []content.Event{
			event(2022, 11, 3, "The council proposes a levy of €2 a passenger."),
			event(2023, 3, 14, "The levy is approved, from June 2023."),
			event(2024, 12, 1, "The levy rises to €3."),
			event(2025, 9, 30, "The regional court upholds the levy against the ferry operators' appeal."),
		},
		Figures: content.Figures{Caption: "Levy raised a year", Items: []content.Figure{
			{Label: "2023", Amount: 1.1, Currency: "EUR", Scale: "m"},
			{Label: "2024", Amount: 2.4, Currency: "EUR", Scale: "m"},
		}},
		Sources: []content.Source{
			{Title: "Council minutes, 14 March 2023", Publisher: "Port Alder Council", Date: content.Date{Year: 2023, Month: 3, Day: 14}, URL: "https://example.org/council/2023-03-14"},
			{Title: "Judgment on the harbour levy", Publisher: "Regional Court", Date: content.Date{Year: 2025, Month: 9, Day: 30}, URL: "https://example.org/court/levy"},
		},
		Updated: content.Date{Year: 2026, Month: 1, Day: 15},
		Version: "levy-v1",
	}
	// FerryStrike is shown by two articles of different dates.
	FerryStrike = content.Card{
		ID: "ferry-strike", Kind: content.KindContext, Title: "The ferry workers' dispute",
		Body: para("Crews of the island ferries have been in dispute with the operator over pay and rest hours since spring 2023."),
		Timeline: []content.Event{
			event(2023, 4, 1, "Crews strike for the first time in twenty years."),
			event(2023, 8, 20, "An agreement ends the first strike."),
			event(2025, 2, 11, "The union votes for a new strike."),
		},
		Sources: []content.Source{{Title: "Union statement", Publisher: "Seafarers' Union", URL: "https://example.org/union/statement"}},
		Updated: content.Date{Year: 2025, Month: 3, Day: 1},
		Version: "ferry-v1",
	}
)

// Shared is a small archive of three articles of different dates
// sharing the cards HarbourLevy and FerryStrike, the newest first, each
// card shown as its note by Card.For, as the parser will.
func Shared() []content.Article {
	levy, ferry := []string{"harbour-budget-2025", "ferry-timetable", "harbour-levy-vote"}, []string{"ferry-timetable", "harbour-levy-vote"}
	article := func(slug, title string, date content.Date, phrases [][3]string) content.Article {
		a := content.Article{Slug: slug, Title: title, Lang: "en", Date: date,
			Description: title + ": what changed in Port Alder."}
		text := []content.Inline{{Text: "Port Alder's council met again. "}}
		for _, p := range phrases {
			c, uses := HarbourLevy, len(levy)
			if p[0] == FerryStrike.ID {
				c, uses = FerryStrike, len(ferry)
			}
			n := c.For(p[2], date, uses)
			n.ID = p[1] // the reference note's own id
			a.Notes = append(a.Notes, n)
			text = append(text, content.Inline{Text: "Talk turned to "}, content.Inline{Text: p[2], Note: p[1]}, content.Inline{Text: ". "})
		}
		a.Body = []content.Block{{Text: text}, {Text: []content.Inline{{Text: "The next meeting is in a month, when councillors will return to the harbour's accounts."}}}}
		return a
	}
	return []content.Article{
		article("harbour-budget-2025", "The harbour budget for 2026 is set", content.Date{Year: 2025, Month: 10, Day: 5},
			[][3]string{{HarbourLevy.ID, "levy", "the passenger levy"}}),
		article("ferry-timetable", "Winter ferry timetable cut to two crossings a day", content.Date{Year: 2024, Month: 9, Day: 2},
			[][3]string{{FerryStrike.ID, "dispute", "the crews' dispute"}, {HarbourLevy.ID, "levy", "the harbour levy"}}),
		article("harbour-levy-vote", "Council approves a levy on ferry passengers", content.Date{Year: 2023, Month: 5, Day: 10},
			[][3]string{{HarbourLevy.ID, "the-levy", "a levy of two euros"}, {FerryStrike.ID, "strike", "last month's strike"}}),
	}
}

// SharedCards are the cards of Shared, by id.
func SharedCards() []content.Card { return []content.Card{FerryStrike, HarbourLevy} }

func para(s string) []content.Block { return []content.Block{{Text: []content.Inline{{Text: s}}}} }

func event(y, m, d int, text string) content.Event {
	return content.Event{Date: content.Date{Year: y, Month: m, Day: d}, Text: []content.Inline{{Text: text}}}
}
