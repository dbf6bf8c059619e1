// The QuizEngine module.
