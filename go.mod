module github.com/openelective/elective

go 1.26
