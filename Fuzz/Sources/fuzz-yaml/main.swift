import FuzzDriver

runFuzzer { data, size in fuzzYAML(data, size) }
