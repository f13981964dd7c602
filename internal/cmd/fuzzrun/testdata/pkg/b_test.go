package pkg_test

import "testing"

func FuzzTwo(f *testing.F) {}
