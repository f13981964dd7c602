package parse

import (
	"fmt"
	"math"
	"regexp"

	"github.com/gloss/gloss/content"
	"gopkg.in/yaml.v3"
)

var currencyCode = regexp.MustCompile(`^[A-Z]{3}$`)

// figures reads a chart. Its bars are compared by length, so every item
// must count the same thing: one currency or one unit, never a mix.
func (f *file) figures(n *yaml.Node) content.Figures {
	v := f.fields(n, "figures", required("caption"), required("items"), optional("note"))
	fig := content.Figures{
		Caption: f.nonEmpty(v["caption"], "figures.caption"),
		Note:    f.text(v["note"], "figures.note"),
	}
	items := v["items"]
	if items == nil {
		return fig
	}
	list := f.list(items, "figures.items")
	if len(list) == 0 && (items.Kind == yaml.SequenceNode || isNull(items)) {
		f.errorf(f.line(items), "figures.items", "must list at least one item")
	}
	var first, firstPath string
	for i, item := range list {
		p := index("figures.items", i)
		fg, measure := f.figure(item, p)
		fig.Items = append(fig.Items, fg)
		switch {
		case measure == "":
		case first == "":
			first, firstPath = measure, p
		case measure != first:
			f.errorf(f.line(item), p, "%s differs from %s of %s: all items must share one currency or unit",
				measure, first, firstPath)
		}
	}
	return fig
}

// figure reads one item and returns it with what it measures, such as
// `currency "EUR"`; "" when that is invalid (and reported).
func (f *file) figure(n *yaml.Node, p string) (content.Figure, string) {
	v := f.fields(n, p, required("label"), required("amount"), optional("currency"),
		optional("unit"), optional("scale"), optional("date"))
	fg := content.Figure{
		Label:    f.nonEmpty(v["label"], join(p, "label")),
		Amount:   f.amount(v["amount"], join(p, "amount")),
		Currency: f.text(v["currency"], join(p, "currency")),
		Unit:     f.text(v["unit"], join(p, "unit")),
		Scale:    f.text(v["scale"], join(p, "scale")),
		Date:     f.date(v["date"], join(p, "date")),
	}
	switch fg.Scale {
	case "", "k", "m", "bn":
	default:
		f.errorf(f.line(v["scale"]), join(p, "scale"), "%q is not a scale; use k, m or bn", fg.Scale)
	}
	if n.Kind != yaml.MappingNode {
		return fg, ""
	}
	switch {
	case fg.Currency != "" && fg.Unit != "":
		f.errorf(f.line(n), p, "give a currency or a unit, not both")
	case fg.Currency != "":
		if !currencyCode.MatchString(fg.Currency) {
			f.errorf(f.line(v["currency"]), join(p, "currency"), "%q is not an ISO 4217 currency code such as EUR or USD", fg.Currency)
			return fg, ""
		}
		return fg, fmt.Sprintf("currency %q", fg.Currency)
	case fg.Unit != "":
		return fg, fmt.Sprintf("unit %q", fg.Unit)
	default:
		f.errorf(f.line(n), p, "missing a currency or a unit")
	}
	return fg, ""
}

// amount reads a number that may not be negative: a chart of bars from a
// zero baseline cannot draw one.
func (f *file) amount(n *yaml.Node, path string) float64 {
	if n == nil || !f.isKind(n, path, yaml.ScalarNode) {
		return 0
	}
	var x float64
	if tag := n.ShortTag(); tag != "!!int" && tag != "!!float" || n.Decode(&x) != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		f.errorf(f.line(n), path, "%q is not a number", n.Value)
		return 0
	}
	if x < 0 {
		f.errorf(f.line(n), path, "must not be negative (%v)", n.Value)
		return 0
	}
	return x
}
