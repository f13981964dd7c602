package pkg

import "testing"

func FuzzOne(f *testing.F) { f.Fuzz(func(t *testing.T, b []byte) {}) }

func Fuzz(f *testing.F) {}

func Fuzzy(f *testing.F) {}

func FuzzNotF(t *testing.T) {}

func TestFuzzNot(t *testing.T) {}
