// Package site describes the Gloss site in one place: which page each path
// shows, and what a page's head carries besides go-app's tags.
// The server serves what it describes and the static export writes it
// out; neither decides routes of its own.
package site
