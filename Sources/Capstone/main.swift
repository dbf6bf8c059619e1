print("capstone")
