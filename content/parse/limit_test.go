package parse

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
)

// TestLongParagraphLinear parses one paragraph of N and of 2N soft-broken
// lines and compares the bytes allocated: twice the text must cost about
// twice the memory. Copying the paragraph again at every line break made
// the ratio 4 (and gloss check took 20 s on a 1 MB paragraph); bytes, not
// time, are compared so that a busy machine cannot fail or pass the test.
func TestLongParagraphLinear(t *testing.T) {
	const n = 10_000
	small, large := allocated(t, n), allocated(t, 2*n)
	ratio := float64(large) / float64(small)
	t.Logf("%d lines: %d bytes allocated; %d lines: %d bytes (ratio %.2f)", n, small, 2*n, large, ratio)
	if ratio > 2.6 {
		t.Errorf("a paragraph of %d lines allocates %.2f times what one of %d lines does; want about 2 (linear)", 2*n, ratio, n)
	}
}

// allocated returns the fewest bytes allocated, over three runs, by
// parsing an article whose body is one paragraph of lines soft-broken
// lines. The article must parse into that one paragraph.
func allocated(t *testing.T, lines int) uint64 {
	body := strings.Repeat("Lorem ipsum dolor.\n", lines)
	fsys := mapFS(map[string]string{"x/article.md": strings.Replace(okArticle, okArticle[strings.Index(okArticle, "The leader"):], body, 1)})
	best := uint64(0)
	for range 3 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		a, err := Article(fsys, "x")
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Body) != 1 || len(a.Body[0].Text) != 1 || len(a.Body[0].Text[0].Text) != len(body)-1 {
			t.Fatalf("want one paragraph of one run of %d bytes, got %d blocks", len(body)-1, len(a.Body))
		}
		if got := after.TotalAlloc - before.TotalAlloc; best == 0 || got < best {
			best = got
		}
	}
	return best
}

func TestFileSizeLimits(t *testing.T) {
	pad := func(file string, size int) string { return file + strings.Repeat("x", size-len(file)) }
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"article at the limit", map[string]string{"x/article.md": pad(okArticle, maxArticleSize), "x/notes/n.md": okNote}, nil},
		{"note at the limit", map[string]string{"x/article.md": okArticle, "x/notes/n.md": pad(okNote, maxNoteSize)}, nil},
		{"article too large", map[string]string{"x/article.md": pad(okArticle, maxArticleSize+1), "x/notes/n.md": okNote},
			[]string{"x/article.md: too large: 1048577 bytes, the limit is 1048576"}},
		{"note too large", map[string]string{"x/article.md": okArticle, "x/notes/n.md": pad(okNote, 1<<20)},
			[]string{"x/notes/n.md: too large: 1048576 bytes, the limit is 262144"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Article(mapFS(tt.files), "x")
			var got []string
			for _, e := range unwrap(err) {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got errors\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// A file that says it is small but is not (one that grows, or a device)
// is still cut at the limit rather than read whole.
func TestFileSizeLimitWhileReading(t *testing.T) {
	fsys := fstest.MapFS{"x/article.md": {Data: []byte(okArticle), Mode: os.ModeDevice}}
	fsys["x/article.md"].Data = append([]byte(okArticle), make([]byte, maxArticleSize)...)
	_, err := Article(fsys, "x")
	want := "x/article.md: too large: over the limit of 1048576 bytes"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// gloss check names the file as the editor gave it.
func TestFileSizeLimitOnDisk(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "big")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "article.md"), []byte(okArticle+strings.Repeat("Lorem ipsum.\n", 100_000)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := Check([]string{dir})
	var pe *Error
	if !errors.As(err, &pe) || pe.File != filepath.Join(dir, "article.md") || !strings.HasPrefix(pe.Msg, "too large: 1300") {
		t.Errorf("got %v, want %s: too large: 1300... bytes", err, filepath.Join(dir, "article.md"))
	}
}
