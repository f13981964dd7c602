package app

import (
	"strconv"
	"strings"

	"github.com/gloss/gloss/app/i18n"
	"github.com/gloss/gloss/content"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

const svgNS = "http://www.w3.org/2000/svg"

// Chart geometry, in viewBox units: one row per figure, its label above a
// bar whose value follows it.
const (
	chartWidth  = 320
	chartRow    = 36
	chartValueW = 78
)

// FigureChart draws a set of amounts as a horizontal bar chart in SVG.
// Screen readers get the same figures as the chart's accessible name.
func FigureChart(t *i18n.Strings, noteID string, f content.Figures) app.UI {
	max := 0.0
	for _, it := range f.Items {
		if it.Amount > max {
			max = it.Amount
		}
	}
	rows := make([]app.UI, 0, len(f.Items))
	summary := make([]string, 0, len(f.Items))
	for i, it := range f.Items {
		value := FormatAmount(t, it)
		summary = append(summary, it.Label+": "+value)
		w := 0.0
		if max > 0 {
			w = it.Amount / max * (chartWidth - chartValueW)
		}
		y := i * chartRow
		rows = append(rows,
			svg("text").Attr("x", 0).Attr("y", y+12).Text(it.Label),
			svg("rect").Attr("x", 0).Attr("y", y+17).
				Attr("width", strconv.FormatFloat(w, 'f', 1, 64)).Attr("height", 12).Attr("rx", 2),
			svg("text").Attr("font-weight", 600).Attr("x", strconv.FormatFloat(w+6, 'f', 1, 64)).Attr("y", y+28).Text(value),
		)
	}
	height := len(f.Items) * chartRow
	label := f.Caption
	if label != "" {
		label += ". "
	}
	label += strings.Join(summary, "; ")
	return app.Figure().Class("gloss-figures").Body(
		app.If(f.Caption != "", app.FigCaption().Text(f.Caption)),
		svg("svg").
			Attr("viewBox", "0 0 "+strconv.Itoa(chartWidth)+" "+strconv.Itoa(height)).
			Attr("role", "img").
			Aria("label", attr(label)).
			Body(rows...),
		app.If(f.Note != "", app.P().Class("gloss-figures-note").Text(f.Note)),
	)
}

// svg makes an SVG element. It carries no class: go-app sets classes
// through the className property, which SVG elements do not accept, so
// gloss.css styles the chart through its <figure>.
func svg(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

var currencySymbols = map[string]string{"EUR": "€", "USD": "$", "GBP": "£"}

// FormatAmount writes an amount as a reader of language t expects it:
// "€17 bn", "$60.84 bn", "85,000 troops"; "60,84 bn $".
func FormatAmount(t *i18n.Strings, f content.Figure) string {
	num := t.Number(f.Amount)
	if f.Scale != "" {
		num += " " + f.Scale
	}
	if f.Currency == "" {
		if f.Unit == "" {
			return num
		}
		return num + " " + f.Unit
	}
	if sym, ok := currencySymbols[f.Currency]; ok {
		return t.Currency(num, sym)
	}
	return f.Currency + " " + num
}
