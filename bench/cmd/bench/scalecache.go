package main

// Section 6's archives are generated once and kept: 10,000 copies of the
// seed (about 170,000 files) take minutes to write and check, and every
// run of the bench would otherwise pay them again.

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// genVersion names how GenArticles writes its copies: change it when
// that changes, so that kept archives are generated again.
const genVersion = "3"

// CachedArticles returns a folder of n copies of seed (see GenArticles)
// under cache, and their slugs, the newest first. A folder is reused when
// an earlier run completed it from the same seed files and generator;
// otherwise it is written afresh.
func CachedArticles(seed, cache string, n int) (dir string, slugs []string, err error) {
	key, err := seedKey(seed, n)
	if err != nil {
		return "", nil, err
	}
	root := filepath.Join(cache, fmt.Sprintf("%d-%s", n, key))
	dir = filepath.Join(root, "content")
	done := filepath.Join(root, "slugs.txt")
	if b, err := os.ReadFile(done); err == nil {
		if slugs = strings.Fields(string(b)); len(slugs) == n {
			return dir, slugs, nil
		}
	}
	// Archives of other seeds or sizes are stale: only one is kept per
	// size.
	if old, _ := filepath.Glob(filepath.Join(cache, fmt.Sprintf("%d-*", n))); len(old) > 0 {
		for _, o := range old {
			if err := os.RemoveAll(o); err != nil {
				return "", nil, err
			}
		}
	}
	if slugs, err = GenArticles(seed, dir, n, rand.New(rand.NewPCG(uint64(n), 9))); err != nil {
		return "", nil, err
	}
	// Written last: its presence says the folder is whole and parses.
	if err := os.WriteFile(done, []byte(strings.Join(slugs, "\n")+"\n"), 0o644); err != nil {
		return "", nil, err
	}
	return dir, slugs, nil
}

// seedKey hashes the seed's files and its card library's, the
// generator's version and n.
func seedKey(seed string, n int) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "gen %s, %d copies\n", genVersion, n)
	for _, dir := range []string{seed, filepath.Join(filepath.Dir(seed), "cards")} {
		err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(filepath.Join(dir, p))
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "%s %d\n", p, len(b))
			h.Write(b)
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:12], nil
}
