import FuzzDriver

runFuzzer { data, size in fuzzSchema(data, size) }
