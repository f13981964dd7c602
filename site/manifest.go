package site

import "encoding/json"

// Manifest is the web app manifest. go-app's own has no maskable icon, so
// Gloss writes its own. Its URLs are relative to the manifest, so the same
// file works at a host's root and under a sub-path.
func Manifest(h AppInfo) []byte {
	type icon struct {
		Src     string `json:"src"`
		Type    string `json:"type"`
		Sizes   string `json:"sizes"`
		Purpose string `json:"purpose,omitempty"`
	}
	m := struct {
		ID              string `json:"id"`
		Name            string `json:"name"`
		ShortName       string `json:"short_name"`
		Description     string `json:"description"`
		StartURL        string `json:"start_url"`
		Scope           string `json:"scope"`
		Display         string `json:"display"`
		BackgroundColor string `json:"background_color"`
		ThemeColor      string `json:"theme_color"`
		Icons           []icon `json:"icons"`
	}{
		ID:              ".",
		Name:            h.Name,
		ShortName:       h.ShortName,
		Description:     h.Description,
		StartURL:        ".",
		Scope:           ".",
		Display:         "standalone",
		BackgroundColor: h.BackgroundColor,
		ThemeColor:      h.ThemeColor,
		Icons: []icon{
			{Src: "web/icon-192.png", Type: "image/png", Sizes: "192x192"},
			{Src: "web/icon-512.png", Type: "image/png", Sizes: "512x512"},
			{Src: "web/icon-maskable-512.png", Type: "image/png", Sizes: "512x512", Purpose: "maskable"},
			{Src: "web/icon.svg", Type: "image/svg+xml", Sizes: "any"},
		},
	}
	b, _ := json.MarshalIndent(m, "", "  ")
	return b
}

// AppInfo is what the manifest and the page head say about the app.
type AppInfo struct {
	Name, ShortName, Description, BackgroundColor, ThemeColor string
}

// Info describes Gloss.
var Info = AppInfo{
	Name:            "Gloss",
	ShortName:       "Gloss",
	Description:     "News articles with neutral, sourced context on their claims.",
	BackgroundColor: "#fbfaf7",
	ThemeColor:      "#1f3a5f",
}
