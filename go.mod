module github.com/herald-events/herald

go 1.26.8
