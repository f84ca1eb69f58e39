print("shootnet-fuzz: not yet")
