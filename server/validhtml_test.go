package server

import (
	"strings"
	"testing"
)

func TestTheLoaderImageIsDecoration(t *testing.T) {
	in := `<div id="app-wasm-loader"><img class="goapp-logo goapp-spin" id="app-wasm-loader-icon" src="/web/icon-192.png"><p>Loading</p></div>`
	got, err := validHTML([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if want := `<img alt="" class="goapp-logo goapp-spin" id="app-wasm-loader-icon"`; !strings.Contains(string(got), want) {
		t.Errorf("validHTML(%q) = %q, want %s in it", in, got, want)
	}
	// go-app's loader changed: refused, not passed on invalid.
	if _, err := validHTML([]byte(`<img id="app-wasm-loader-icon" src="/x">`)); err == nil {
		t.Error("an unknown loader image was passed on")
	}
	if got, err := validHTML([]byte(`<p>404 page not found</p>`)); err != nil || string(got) != `<p>404 page not found</p>` {
		t.Errorf("a page without the loader: %q, %v", got, err)
	}
}

func TestTheDocumentSpeaksTheArticlesLanguage(t *testing.T) {
	in := `<!DOCTYPE html><html lang="en"><head></head><body><main class="gloss" dir="rtl" id="gloss" lang="ar">`
	got, err := validHTML([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if want := `<html dir="rtl" lang="ar">`; !strings.Contains(string(got), want) {
		t.Errorf("validHTML(%q) = %q, want %s in it", in, got, want)
	}
}
