package browsertest

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// Frame attaches to the cross-site iframe of tab whose URL starts with
// prefix, waiting up to limit for it to appear: Chromium runs such a
// frame in its own process, as a target of its own. The frame's context
// stays attached until cancel, which detaches without closing the frame
// (closing its target would close the page).
func Frame(tab context.Context, prefix string, limit time.Duration) (context.Context, context.CancelFunc, error) {
	deadline := time.Now().Add(limit)
	for {
		infos, err := chromedp.Targets(tab)
		if err != nil {
			return nil, nil, fmt.Errorf("listing the targets: %w", err)
		}
		for _, info := range infos {
			if info.Type != "iframe" || !strings.HasPrefix(info.URL, prefix) {
				continue
			}
			frame, cancel := chromedp.NewContext(tab, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel())
			// The first run attaches, for as long as the context it is
			// given lives: it is given one without a time limit. (chromedp
			// logs "no top-level frame" for such a target: harmless.)
			if err := chromedp.Do(frame); err != nil {
				cancel()
				return nil, nil, fmt.Errorf("attaching to the frame of %s: %w", info.URL, err)
			}
			return frame, cancel, nil
		}
		if !time.Now().Before(deadline) {
			return nil, nil, fmt.Errorf("no iframe of %s appeared in %v", prefix, limit)
		}
		select {
		case <-tab.Done():
			return nil, nil, tab.Err()
		case <-time.After(Every):
		}
	}
}
