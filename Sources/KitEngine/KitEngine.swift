// The KitEngine module.
