package app

import (
	"time"

	"github.com/gloss/gloss/app/i18n"
	"github.com/gloss/gloss/content"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// plainKey is the local-storage key of the reader's "Hide highlights"
// choice. web/gloss.js reads the same key before first paint.
const plainKey = "gloss.hideHighlights"

// Page is a whole Gloss page: the headline, the article with its
// highlighted phrases, the cards, and the reader's tools.
type Page struct {
	app.Compo

	// Article is the article to show.
	Article content.Article
	// Restore is what the reader had open and focused in the pre-rendered
	// page before the wasm replaced it.
	// It is applied once, on the first mount.
	Restore *Restore

	mounted     bool
	embed       bool
	plain       bool
	installable bool
	update      bool
	copied      string
}

// OnPreRender sets the document's title and description on the server.
func (p *Page) OnPreRender(ctx app.Context) {
	ctx.Page().SetTitle(p.Article.Title)
	ctx.Page().SetDescription(p.Article.Description)
}

// OnMount picks up the reader's settings and restores the open card and
// focus lost when go-app swapped in the browser's DOM.
func (p *Page) OnMount(ctx app.Context) {
	p.mounted = true
	p.embed = ctx.Page().URL().Query().Get("embed") == "1"
	var plain bool
	if err := ctx.LocalStorage().Get(plainKey, &plain); err == nil {
		p.plain = plain
		setPlainClass(plain)
	}
	p.installable = !p.embed && ctx.IsAppInstallable()
	p.update = !p.embed && ctx.AppUpdateAvailable()
	ctx.Defer(func(ctx app.Context) { p.Restore.Apply() })
}

// OnNav opens the card named by the URL's fragment, for in-app links to a
// card (go-app handles those clicks itself once the wasm runs).
func (p *Page) OnNav(ctx app.Context) {
	id := ctx.Page().URL().Fragment
	if _, ok := p.Article.Note(id); ok {
		ctx.Defer(func(app.Context) { showCard(id) })
	}
}

// OnAppUpdate shows the update bar when a new version has been installed
// by the service worker.
func (p *Page) OnAppUpdate(ctx app.Context) {
	p.update = !p.embed && ctx.AppUpdateAvailable()
}

// OnAppInstallChange shows or hides the install button.
func (p *Page) OnAppInstallChange(ctx app.Context) {
	p.installable = !p.embed && ctx.IsAppInstallable()
}

// Render draws the page, in the article's language: the interface's
// words from the catalogue (app/i18n), and the direction of its script.
func (p *Page) Render() app.UI {
	a := p.Article
	t := i18n.For(a.Lang)
	cards := make([]app.UI, 0, len(a.Notes))
	for _, n := range a.Notes {
		if n.Anchor != "" {
			cards = append(cards, Card(t, n, p.copied == n.ID, p.onCopy(n.ID)))
		}
	}
	return app.Main().ID("gloss").Class("gloss").Lang(a.Lang).Dir(i18n.Dir(a.Lang)).Body(
		app.If(p.update, UpdateBar(t, p.reload)),
		app.Header().Class("gloss-header").Body(
			app.H1().ID("gloss-headline").Dir("auto").Text(a.Title),
			app.P().Class("gloss-meta").Body(
				app.Time().DateTime(a.Date.ISO()).Text(t.Date(a.Date)),
				app.If(len(a.AboutNotes()) > 0, app.Button().
					Type("button").
					ID("gloss-about-button").
					Class("gloss-link-button").
					Attr("popovertarget", AboutID).
					Aria("controls", AboutID).
					Aria("haspopup", "dialog").
					Text(t.About)),
			),
			Tools(t, p.mounted, p.plain, p.installable, p.togglePlain, p.install),
		),
		app.Article().Class("gloss-article").Aria("labelledby", "gloss-headline").Body(
			ArticleText(a, p.plain),
		),
		KindLabels(t),
		// The cards, in the order of their phrases: printed, they are the
		// article's numbered endnotes under this heading (web/gloss.css).
		app.Div().Class("gloss-cards").Body(
			app.H2().Class("gloss-notes-title").Hidden(true).Text(t.Notes),
			app.Range(cards).Slice(func(i int) app.UI { return cards[i] }),
		),
		app.If(len(a.AboutNotes()) > 0, About(t, a)),
	)
}

// onCopy copies the card's deep link. Before the wasm runs, the same link
// just puts the card's fragment in the address bar.
func (p *Page) onCopy(id string) app.EventHandler {
	// go-app runs this handler after the click has been dispatched, so it
	// cannot cancel it: go-app's own link handling puts the card's
	// fragment in the address bar too.
	return func(ctx app.Context, e app.Event) {
		if copyText(cardURL(id)) {
			p.copied = id
			ctx.After(3*time.Second, func(ctx app.Context) { p.copied = "" })
		}
	}
}

func (p *Page) togglePlain(ctx app.Context, e app.Event) {
	p.plain = !p.plain
	ctx.LocalStorage().Set(plainKey, p.plain)
	setPlainClass(p.plain)
}

func (p *Page) install(ctx app.Context, e app.Event) {
	ctx.ShowAppInstallPrompt()
}

func (p *Page) reload(ctx app.Context, e app.Event) {
	ctx.Reload()
}

// KindLabels are hidden texts that tell screen readers which kind of card
// a highlighted phrase opens.
func KindLabels(t *i18n.Strings) app.UI {
	labels := make([]app.UI, 0, len(content.Kinds))
	for _, k := range content.Kinds {
		labels = append(labels, app.Span().ID(KindLabelID(k)).Text(t.KindCard(k)))
	}
	return app.Div().Hidden(true).Body(labels...)
}
