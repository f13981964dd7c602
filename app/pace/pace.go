//go:build js

// Package pace splits the wasm's start into short tasks. The Go runtime runs
// every package's init, and then main, in one call from JavaScript until the
// program first waits; in the browser much of that time is V8 compiling each
// function the first time it is called, so the start was one long task (57
// ms at CPU 1×, 124 ms at 4×, make bench section 7), during which a reader's
// click on a phrase waited. A Go program that waits on a timer or a callback
// returns to the event loop, also in an init: Frame waits so, and the
// packages under pace call it from their init at points spread through the
// others' inits. Each imports the package it waits after and the step
// before it, so that Go's order of initialisation is the one their
// imports show; cmd/gloss's main_wasm.go lists the steps.
//
// It depends on syscall/js and time only, so that it is initialised early,
// and on no go-app code.
package pace

import (
	"syscall/js"
	"time"
)

// Warming reports whether the program runs in a worker, not on the page:
// in the one web/gloss.js compiles the wasm in, which runs the program's
// start once, on a stand-in page, so that V8 compiles the code of the
// runtime, of every package's init and of go-app's start there, off the
// page's main thread (the compiled code is the module's, which the page's
// instance shares). Such a run waits for no frame. A worker has
// importScripts; a page has none.
func Warming() bool { return js.Global().Get("importScripts").Truthy() }

// Frame hands the main thread back to the browser until it has drawn a
// frame, so that a card the reader opened meanwhile is on screen before
// the program goes on (or 100 ms, in a hidden tab that draws none, or
// where there is no requestAnimationFrame at all).
func Frame() {
	// Where the start is warmed, the same code runs, for V8 to compile it
	// there, but waits for nothing.
	wait := 100 * time.Millisecond
	if Warming() {
		wait = 0
	}
	framed := make(chan struct{}, 1)
	next := js.FuncOf(func(js.Value, []js.Value) any {
		select {
		case framed <- struct{}{}:
		default:
		}
		return nil
	})
	defer next.Release()
	win := js.Global()
	raf := win.Get("requestAnimationFrame")
	var id js.Value
	if raf.Type() == js.TypeFunction {
		id = win.Call("requestAnimationFrame", next)
	}
	select {
	case <-framed:
	case <-time.After(wait):
		if raf.Type() == js.TypeFunction {
			win.Call("cancelAnimationFrame", id)
		}
	}
	// Out of the frame's callback, into a task after the frame.
	time.Sleep(time.Millisecond)
}
