import FuzzDriver

runFuzzer { data, size in fuzzWorkbook(data, size) }
