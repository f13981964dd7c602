// Package site describes the Gloss site one place: which page each path
// shows, and what each page carries besides its markup (its data island).
// The server serves what it describes and the static export writes it
// out; neither decides routes of its own.
package site
