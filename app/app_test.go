package app

import (
	"strings"
	"testing"

	"github.com/gloss/gloss/app/i18n"
	"github.com/gloss/gloss/content"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// sample is a small article with one note of each interesting shape.
var sample = content.Article{
	Slug:  "sample",
	Title: "A sample headline",
	Lang:  "en",
	Date:  content.Date{Year: 2024, Month: 2, Day: 8},
	Body: []content.Block{
		{Kind: content.Paragraph, Text: []content.Inline{
			{Text: "The council approved "},
			{Text: "a 2 million euro budget", Note: "budget"},
			{Text: ", officials said."},
		}},
		{Kind: content.Heading, Text: []content.Inline{{Text: "What comes next"}}},
	},
	Notes: []content.Note{
		{
			ID: "budget", Kind: content.KindFigure, Title: "The budget", Anchor: "a 2 million euro budget",
			Body:     []content.Block{{Text: []content.Inline{{Text: "Split in two "}, {Text: "parts", Em: true}, {Text: "."}}}},
			Timeline: []content.Event{{Date: content.Date{Year: 2023, Month: 11}, Text: []content.Inline{{Text: "Proposed."}}}},
			Figures: content.Figures{Caption: "Budget", Items: []content.Figure{
				{Label: "Works", Amount: 1.5, Currency: "EUR", Scale: "m"},
				{Label: "Books", Amount: 0.5, Currency: "EUR", Scale: "m"},
			}},
			Since:   content.Since{AsOf: content.Date{Year: 2025, Month: 3, Day: 1}, Body: []content.Block{{Text: []content.Inline{{Text: "It was spent."}}}}},
			Sources: []content.Source{{Title: "Minutes", Publisher: "Council", URL: "https://example.org/minutes"}},
		},
		{
			ID: "errata", Kind: content.KindCorrection, Title: "Corrections",
			Body:    []content.Block{{Kind: content.List, Items: [][]content.Inline{{{Text: "One."}}, {{Text: "Two."}}}}},
			Sources: []content.Source{{Title: "Minutes", URL: "https://example.org/minutes"}},
		},
	},
}

// host mounts a function component, as TestMatch needs a mounted tree;
// paths into it start with 0, the component's root.
type host struct {
	app.Compo
	UI app.UI
}

func (h *host) Render() app.UI { return h.UI }

func mounted(t *testing.T, ui app.UI) app.UI {
	h := &host{UI: ui}
	d := app.NewServerTester(h)
	t.Cleanup(d.Close)
	return h
}

func TestAPhraseWithANoteIsAButtonThatOpensItsCard(t *testing.T) {
	tree := mounted(t, ArticleText(sample))
	err := app.TestMatch(tree, app.TestUIDescriptor{
		Path:     app.TestPath(0, 0, 1),
		Expected: app.Label().Class("gloss-phrase", "gloss-kind-figure"),
	})
	if err != nil {
		t.Fatalf("the phrase is not a label around its button: %v", err)
	}
	err = app.TestMatch(tree, app.TestUIDescriptor{
		Path: app.TestPath(0, 0, 1, 0),
		Expected: app.Button().
			Type("button").
			ID("mark-budget").
			Class("gloss-mark").
			Attr("popovertarget", "budget").
			Aria("controls", "budget").
			Aria("haspopup", "dialog").
			Aria("describedby", "gloss-kind-figure-label").
			Aria("labelledby", "mark-budget mark-budget-rest"),
	})
	if err != nil {
		t.Fatal(err)
	}
	// The button holds the first word; the rest of the phrase follows it
	// in the label, hidden from assistive technology, which reads the
	// whole phrase as the button's name.
	if err := app.TestMatch(tree, app.TestUIDescriptor{Path: app.TestPath(0, 0, 1, 0, 0), Expected: app.Text("a")}); err != nil {
		t.Fatal(err)
	}
	err = app.TestMatch(tree, app.TestUIDescriptor{
		Path:     app.TestPath(0, 0, 1, 1),
		Expected: app.Span().ID("mark-budget-rest").Aria("hidden", true),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := app.TestMatch(tree, app.TestUIDescriptor{Path: app.TestPath(0, 0, 1, 1, 0), Expected: app.Text(" 2 million euro budget")}); err != nil {
		t.Fatal(err)
	}
	if err := app.TestMatch(tree, app.TestUIDescriptor{Path: app.TestPath(0, 1), Expected: app.H2().Dir("auto")}); err != nil {
		t.Fatalf("the section heading is not an h2: %v", err)
	}
}

func TestACardIsALabelledNonModalPopoverDialog(t *testing.T) {
	n := sample.Notes[0]
	card := Card(i18n.For("en"), n, "")
	err := app.TestMatch(mounted(t, card), app.TestUIDescriptor{
		Path: app.TestPath(0),
		Expected: app.Div().
			ID("budget").
			Class("gloss-card", "gloss-kind-figure").
			Attr("popover", "auto").
			Attr("role", "dialog").
			Aria("labelledby", "budget-title").
			TabIndex(-1),
	})
	if err != nil {
		t.Fatal(err)
	}
	html := app.HTMLString(card)
	for _, want := range []string{
		`id="budget-title"`, "The budget",
		`popovertargetaction="hide"`, `aria-label="Close"`,
		"Since publication", `datetime="2025-03-01"`, "1 March 2025",
		`class="gloss-timeline"`, "November 2023",
		`href="https://example.org/minutes"`, `rel="noopener noreferrer"`, `target="_blank"`,
		`href="#budget"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("card lacks %s", want)
		}
	}
	if strings.Contains(html, "aria-modal") {
		t.Error("card is modal")
	}
}

func TestThePagePrintsEveryCardAndTheAboutPanel(t *testing.T) {
	html := app.HTMLString(Page(sample, nil))
	for _, want := range []string{
		`id="gloss-headline"`, `>A sample headline</h1>`,
		`<time datetime="2024-02-08">8 February 2024</time>`,
		`id="budget"`, `id="about"`, `id="errata"`, `popovertarget="about"`,
		"The council approved ", `data-done="Link copied"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	// The highlight switch is web/gloss.js's and works from first paint:
	// the page prints it usable, and off.
	err := app.TestMatch(mounted(t, Page(sample, nil)), app.TestUIDescriptor{
		Path:     app.TestPath(0, 0, 2, 0),
		Expected: app.Button().Type("button").ID(PlainSwitchID).Class("gloss-switch").Aria("pressed", "false"),
	})
	if err != nil {
		t.Error(err)
	}
	if strings.Contains(html, "disabled") {
		t.Errorf("the printed page has a disabled control: %s", html)
	}
}

// The wasm's whole tree is the prompts: on the server an empty element
// that takes no room, in the browser the same element, running, that
// shows a prompt only when the browser offers one, in the page's words.
func TestThePromptsAreAllTheWasmRenders(t *testing.T) {
	server := &Prompts{Lang: "uk"}
	sd := app.NewServerTester(server)
	defer sd.Close()
	got := app.HTMLString(server)
	for _, want := range []string{`id="` + PromptsID + `"`, `data-wasm="waiting"`, `lang="uk"`} {
		if !strings.Contains(got, want) {
			t.Errorf("the server's prompts lack %s: %s", want, got)
		}
	}
	if strings.Contains(got, "<button") || strings.Contains(got, "gloss-update") {
		t.Errorf("the server's prompts show a prompt: %s", got)
	}

	client := &Prompts{Lang: "uk"}
	cd := app.NewClientTester(client)
	defer cd.Close()
	if got := app.HTMLString(client); !strings.Contains(got, `data-wasm="running"`) || strings.Contains(got, "<button") {
		t.Errorf("the mounted prompts are not running and empty: %s", got)
	}
	client.update, client.installable = true, true
	cd.Consume()
	client.Update()
	cd.Consume()
	got = app.HTMLString(client)
	for _, want := range []string{"gloss-update", "gloss-install", i18n.For("uk").InstallApp, i18n.For("uk").UpdateAvailable} {
		if !strings.Contains(got, want) {
			t.Errorf("the offered prompts lack %s: %s", want, got)
		}
	}
}

func TestOnlyHTTPLinksAreLinked(t *testing.T) {
	for _, tc := range []struct {
		in   string
		ok   bool
		want string
	}{
		{"https://example.org/a?b=c", true, "https://example.org/a?b=c"},
		{"http://example.org", true, "http://example.org"},
		{"javascript:alert(1)", false, ""},
		{"JAVASCRIPT:alert(1)", false, ""},
		{"data:text/html,hi", false, ""},
		{"//example.org/x", false, ""},
		{"/relative", false, ""},
		{"https://user:pw@example.org/", false, ""},
		{`https://example.org/?q="><script>`, true, "https://example.org/?q=%22%3E%3Cscript%3E"},
		{"https://example.org/?q=a b|c`", true, "https://example.org/?q=a%20b%7Cc%60"},
	} {
		got, ok := SafeURL(tc.in)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("SafeURL(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	html := app.HTMLString(ExternalLink("javascript:alert(1)", app.Text("x")))
	if strings.Contains(html, "href") {
		t.Errorf("unsafe link rendered with href: %s", html)
	}
}

func TestAmountsReadAsAReaderExpects(t *testing.T) {
	for _, tc := range []struct {
		f    content.Figure
		want string
	}{
		{content.Figure{Amount: 17, Currency: "EUR", Scale: "bn"}, "€17 bn"},
		{content.Figure{Amount: 60.84, Currency: "USD", Scale: "bn"}, "$60.84 bn"},
		{content.Figure{Amount: 85000, Unit: "troops"}, "85,000 troops"},
		{content.Figure{Amount: 1900}, "1900"},
		{content.Figure{Amount: 1234567.5, Currency: "CHF"}, "CHF 1,234,567.5"},
	} {
		if got := FormatAmount(i18n.For("en"), tc.f); got != tc.want {
			t.Errorf("FormatAmount(%+v) = %q, want %q", tc.f, got, tc.want)
		}
	}
}

func TestAChartHasATextEquivalent(t *testing.T) {
	html := app.HTMLString(FigureChart(i18n.For("en"), "budget", sample.Notes[0].Figures))
	if !strings.Contains(html, `aria-label="Budget. Works: €1.5 m; Books: €0.5 m"`) || !strings.Contains(html, `role="img"`) {
		t.Fatalf("chart has no text equivalent: %s", html)
	}
}

// The interface speaks the article's language: its labels and dates from
// the catalogue, its direction from the language.
func TestThePageSpeaksTheArticlesLanguage(t *testing.T) {
	a := sample
	a.Lang = "uk"
	a.Date = content.Date{Year: 2024, Month: 2, Day: 8}
	html := app.HTMLString(Page(a, nil))
	for _, want := range []string{
		`lang="uk"`, `dir="ltr"`, "8 лютого 2024", "Сховати виділення", "Після публікації", "станом на", ">1 березня 2025<",
		"Джерела", `aria-label="Закрити"`, "Копіювати посилання", "Картка з цифрами", "Примітки",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("a Ukrainian page lacks %s", want)
		}
	}
	for _, english := range []string{"Since publication", "Sources", "Hide highlights", "February"} {
		if strings.Contains(html, english) {
			t.Errorf("a Ukrainian page says %q", english)
		}
	}
	a.Lang = "ar"
	if html := app.HTMLString(Page(a, nil)); !strings.Contains(html, `dir="rtl"`) {
		t.Error("an Arabic page is not right to left")
	}
}
