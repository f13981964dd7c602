package i18n

import (
	"reflect"
	"testing"

	"github.com/gloss/gloss/content"
)

// Every language has every word: a missing one would show an empty label.
func TestEveryLanguageHasEveryWord(t *testing.T) {
	for _, s := range catalogue {
		v := reflect.ValueOf(*s)
		for i := range v.NumField() {
			f, name := v.Field(i), v.Type().Field(i).Name
			switch f.Kind() {
			case reflect.String:
				if f.String() == "" {
					t.Errorf("%s: %s is empty", s.Lang, name)
				}
			case reflect.Array:
				for j := range f.Len() {
					if f.Index(j).String() == "" {
						t.Errorf("%s: %s[%d] is empty", s.Lang, name, j)
					}
				}
			}
		}
		for _, k := range content.Kinds {
			if s.Kinds[k] == "" || s.KindCards[k] == "" {
				t.Errorf("%s: kind %s has no name", s.Lang, k)
			}
		}
	}
}

func TestDatesReadAsTheLanguageWritesThem(t *testing.T) {
	for _, c := range []struct {
		lang string
		d    content.Date
		want string
	}{
		{"en", content.Date{Year: 2024, Month: 2, Day: 8}, "8 February 2024"},
		{"uk", content.Date{Year: 2024, Month: 2, Day: 8}, "8 лютого 2024"},
		{"uk-UA", content.Date{Year: 2025, Month: 3, Day: 1}, "1 березня 2025"},
		{"uk", content.Date{Year: 2022, Month: 11}, "листопад 2022"},
		{"uk", content.Date{Year: 2022}, "2022"},
		{"en", content.Date{}, ""},
		// A language the catalogue lacks has English words.
		{"fr", content.Date{Year: 2024, Month: 2, Day: 8}, "8 February 2024"},
	} {
		if got := For(c.lang).Date(c.d); got != c.want {
			t.Errorf("For(%q).Date(%v) = %q, want %q", c.lang, c.d, got, c.want)
		}
	}
}

func TestNumbersHaveTheLanguagesSeparators(t *testing.T) {
	for _, c := range []struct {
		lang string
		v    float64
		want string
	}{
		{"en", 85000, "85,000"},
		{"en", 60.84, "60.84"},
		{"en", 1900, "1900"},
		{"en", 1234567.5, "1,234,567.5"},
		{"en", -12000, "-12,000"},
		{"uk", 85000, "85\u00a0000"},
		{"uk", 60.84, "60,84"},
		{"uk", 1234567.5, "1\u00a0234\u00a0567,5"},
	} {
		if got := For(c.lang).Number(c.v); got != c.want {
			t.Errorf("For(%q).Number(%v) = %q, want %q", c.lang, c.v, got, c.want)
		}
	}
	if got := For("uk").Currency("17", "€"); got != "17\u00a0€" {
		t.Errorf("uk currency: %q", got)
	}
	if got := For("en").Currency("17", "€"); got != "€17" {
		t.Errorf("en currency: %q", got)
	}
}

func TestDirectionComesFromTheLanguage(t *testing.T) {
	for lang, want := range map[string]string{
		"en": "ltr", "uk": "ltr", "ar": "rtl", "ar-EG": "rtl", "he": "rtl", "fa": "rtl",
		"az-Arab": "rtl", "ku-Latn": "ltr", "pa-Arab-PK": "rtl", "": "ltr",
	} {
		if got := Dir(lang); got != want {
			t.Errorf("Dir(%q) = %q, want %q", lang, got, want)
		}
	}
}
