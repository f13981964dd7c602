package app

import (
	"github.com/gloss/gloss/app/i18n"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// PromptsID is the id of go-app's root element, the body's first child.
const PromptsID = "gloss-app"

// StateAttr is the prompts' attribute that says whether the wasm runs:
// StateWaiting as the server prints it, StateRunning once go-app has
// mounted and updated them. Tests and the bench wait for it, and the
// worker that warms the wasm's start (web/gloss.js) stops when its
// stand-in page gets it.
const (
	StateAttr    = "data-wasm"
	StateWaiting = "waiting"
	StateRunning = "running"
)

// InstallID and UpdateID are the id, and the class, of the install button
// and of the update notice: only the wasm renders them, once the browser
// offers them, so the server's page never has them.
const (
	InstallID = "gloss-install"
	UpdateID  = "gloss-update"
)

// Prompts are what the wasm adds to a page: the button that installs the
// app and the notice that a new version is ready. It is go-app's root
// component: go-app replaces the body's first element with it when the
// wasm starts (engine.go), and nothing else, so the article printed after
// it (Page) is never rebuilt. web/gloss.css shows the install button
// after the article and the update notice in a corner, so their coming and
// going moves nothing the reader is reading.
type Prompts struct {
	app.Compo

	// Lang is the page's language, which the prompts speak.
	Lang string
	// Settle, when set, is called before go-app mounts the prompts (Route)
	// and once they are mounted, before they read what the browser
	// offers: the wasm hands the main thread back to the browser there
	// (package pace), so that go-app's start is three tasks and not one,
	// and a reader's click between them is answered sooner.
	Settle func()

	running     bool
	embed       bool
	installable bool
	update      bool
}

// OnMount reads what the browser offers. Embedded, the page offers
// neither: the publisher's page is not the app.
func (p *Prompts) OnMount(ctx app.Context) {
	if p.Settle != nil {
		p.Settle()
	}
	p.running = true
	p.embed = ctx.Page().URL().Query().Get("embed") == "1"
	p.installable = !p.embed && ctx.IsAppInstallable()
	p.update = !p.embed && ctx.AppUpdateAvailable()
}

// OnAppUpdate shows the update notice when the service worker has
// installed a new version.
func (p *Prompts) OnAppUpdate(ctx app.Context) {
	p.update = !p.embed && ctx.AppUpdateAvailable()
}

// OnAppInstallChange shows or hides the install button.
func (p *Prompts) OnAppInstallChange(ctx app.Context) {
	p.installable = !p.embed && ctx.IsAppInstallable()
}

// Render draws the prompts; on the server, and until the browser offers
// one, an empty element that takes no room.
func (p *Prompts) Render() app.UI {
	t := i18n.For(p.Lang)
	state := StateWaiting
	if p.running {
		state = StateRunning
	}
	return app.Div().
		ID(PromptsID).
		Class("gloss-prompts").
		Lang(p.Lang).
		Dir(i18n.Dir(p.Lang)).
		Attr(StateAttr, state).
		Body(
			app.If(p.update, UpdateBar(t, p.reload)),
			app.If(p.installable, app.Button().
				Type("button").
				ID(InstallID).
				Class(InstallID).
				OnClick(p.install).
				Text(t.InstallApp)),
		)
}

func (p *Prompts) install(ctx app.Context, e app.Event) {
	ctx.ShowAppInstallPrompt()
}

func (p *Prompts) reload(ctx app.Context, e app.Event) {
	ctx.Reload()
}

// UpdateBar tells the reader a new version is ready.
func UpdateBar(t *i18n.Strings, onReload app.EventHandler) app.UI {
	return app.Div().ID(UpdateID).Class(UpdateID).Attr("role", "status").Body(
		app.Text(t.UpdateAvailable),
		app.Button().Type("button").OnClick(onReload).Text(t.Reload),
	)
}
