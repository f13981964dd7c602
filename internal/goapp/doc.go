// Package goapp is Gloss's one adapter to go-app: every assumption Gloss
// makes about go-app is here, with a test that fails, naming it, when a
// new go-app changes shape.
//
//   - The page: go-app's page shell (handler.go's paths, page.go), with
//     the components Gloss prints in it (Print, which makes go-app's
//     printing safe and stable). TestThePageIsGoAppsShape compares it
//     with the page go-app's own handler prints.
//   - go-app's files, written once per build through its handler, in
//     memory: app.js with Gloss's changes (files.go, each a text that
//     must occur once), the service worker from app-worker.js, its styles
//     and wasm_exec.js.
//   - The copy of go-app the wasm is built with, less its server side and
//     its routes by pattern: package internal/goapppatch.
//
// Nothing here knows an article: the site (package site) hands over the
// page's parts.
package goapp
