import FuzzDriver

runFuzzer { data, size in fuzzWhere(data, size) }
