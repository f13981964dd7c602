package articles

import (
	"os"
	"reflect"
	"testing"

	"github.com/gloss/gloss/content/parse"
)

// The compiled-in articles must be what the Markdown says: an editor who
// changed a file and did not run `make build` would otherwise ship stale
// cards.
func TestGeneratedArticlesMatchTheirFiles(t *testing.T) {
	parsed, err := parse.Tree(os.DirFS("."), ".")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(parsed, All) {
		t.Fatal("zz_articles.go is stale: run `go generate ./articles` (or `make build`)")
	}
}

func TestTheSeedArticleIsServedAtTheRoot(t *testing.T) {
	if len(All) == 0 || All[0].Slug != "ukraine-talks-2024" {
		t.Fatalf("the first article is %q, want the seed article", All[0].Slug)
	}
}
