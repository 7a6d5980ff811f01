import FuzzDriver

runFuzzer { data, size in fuzzRender(data, size) }
