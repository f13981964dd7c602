package parse

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLoad(t *testing.T) {
	articles, err := Load([]string{"testdata/articles"})
	if err != nil {
		t.Fatal(err)
	}
	if len(articles) != 1 || articles[0].Slug != "sample-talks" || len(articles[0].Notes) != 4 {
		t.Errorf("Load = %+v", articles)
	}
}

func TestLoadDuplicateSlug(t *testing.T) {
	dir := t.TempDir()
	for _, root := range []string{"one", "two"} {
		if err := os.MkdirAll(filepath.Join(dir, root, "same"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, root, "same", "article.md"), []byte(okArticle), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	one, two := filepath.Join(dir, "one"), filepath.Join(dir, "two")
	_, err := Load([]string{one, two})
	want := filepath.Join(two, "same") + `: duplicate article slug "same": also ` + filepath.Join(one, "same")
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
