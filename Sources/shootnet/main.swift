print("shootnet")
