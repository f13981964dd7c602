package bundle

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/gloss/gloss/app"
	"github.com/gloss/gloss/web"
)

// contractImport is the module the scripts import the DOM contract from.
const contractImport = "gloss:dom"

// contract is the DOM contract as the scripts see it: web/dom.go's
// values (and the prompts' running state, package app's), by the names
// the scripts import.
func contract() map[string]any {
	return map[string]any{
		"embedClass":      web.EmbedClass,
		"themeClasses":    map[string]string{"light": web.ThemeLightClass, "dark": web.ThemeDarkClass},
		"plainClass":      web.PlainClass,
		"startingClass":   web.StartingClass,
		"wasmFailedClass": web.WasmFailedClass,
		"previewClass":    web.PreviewClass,
		"continueClass":   web.ContinueClass,
		"wide":            web.Wide,
		"narrowQuery":     mediaQueries()["--narrow"],
		"hideHighlights":  web.HideHighlightsKey,
		"seenKey":         web.SeenKey,
		"seenLimit":       web.SeenLimit,
		"updatedClass":    web.UpdatedClass,
		"updatedIDSuffix": web.UpdatedIDSuffix,
		"newClass":        web.NewClass,
		"newLabelClass":   web.NewLabelClass,
		"stateAttr":       app.StateAttr,
		"stateRunning":    app.StateRunning,
	}
}

// contractModule is the contract as an ES module: one exported constant
// per name, its value as JSON (which is JavaScript).
func contractModule() string {
	c := contract()
	names := make([]string, 0, len(c))
	for n := range c {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("// Generated from web/dom.go by package bundle.\n")
	for _, n := range names {
		v, err := json.Marshal(c[n])
		if err != nil {
			panic(fmt.Sprintf("bundle: contract %s: %v", n, err)) // the values are Go constants
		}
		fmt.Fprintf(&b, "export const %s = %s;\n", n, v)
	}
	return b.String()
}
