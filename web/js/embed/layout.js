// The embed view's first layout. A frame often shares the publisher's
// main thread (on Android, when memory is short), and laying the whole
// article out at once was one task of 60–130 ms at CPU 4× there, the
// publisher's longest (make bench section 8). web/css/embed.css starts the
// article's blocks skipped (content-visibility: auto, so those in view
// are laid out at once); this lays out the others a few per task, each
// under 15 ms. Only then does the frame tell the page its height: the
// article's own, not an estimate.
// It returns whether the layout is done, and runs its callbacks when it
// is (at once where there is nothing to lay out).
export function layOutEmbed(view) {
  var laidOut = !view.embed, onLaidOut = [];
  var layOut = () => {
    var start = performance.now();
    var blocks = document.querySelectorAll(".gloss-text > *");
    for (var i = 0; i < blocks.length; i++) {
      var s = blocks[i].style;
      if (s.contentVisibility === "visible") continue;
      if (performance.now() - start > 15) return setTimeout(layOut, 0);
      s.contentVisibility = "visible";
      blocks[i].getBoundingClientRect();
    }
    laidOut = true;
    onLaidOut.forEach((f) => { f(); });
  };
  if (view.embed) document.addEventListener("DOMContentLoaded", () => { setTimeout(layOut, 0); });
  return {
    done: () => { return laidOut; },
    then: (f) => { onLaidOut.push(f); },
  };
}
