package app

import (
	"github.com/gloss/gloss/app/i18n"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Tools are the reader's switches: hide the highlights, install the app.
// The switch is disabled until the wasm runs, so it never looks usable
// while it cannot work.
func Tools(t *i18n.Strings, mounted, plain, installable bool, onPlain, onInstall app.EventHandler) app.UI {
	return app.Div().Class("gloss-tools").Body(
		app.Button().
			Type("button").
			ID("gloss-plain").
			Class("gloss-switch").
			Aria("pressed", boolString(plain)).
			Disabled(!mounted).
			OnClick(onPlain).
			Text(t.HideHighlights),
		app.If(installable, app.Button().
			Type("button").
			ID("gloss-install").
			Class("gloss-install").
			OnClick(onInstall).
			Text(t.InstallApp)),
	)
}

// UpdateBar tells the reader a new version is ready.
func UpdateBar(t *i18n.Strings, onReload app.EventHandler) app.UI {
	return app.Div().ID("gloss-update").Class("gloss-update").Attr("role", "status").Body(
		app.Text(t.UpdateAvailable),
		app.Button().Type("button").OnClick(onReload).Text(t.Reload),
	)
}

// boolString spells a boolean for an ARIA attribute. go-app prints the
// value "true" as a bare attribute on the server, which ARIA reads as
// empty, so state attributes are only set to "true" in the browser.
func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
