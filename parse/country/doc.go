package country

//go:generate go run gen.go
