namespace MelanomaExp.Config;

/// <summary>
/// What each key means, for the JSON Schema (editors show it on hover). Keyed by the path the loader
/// records (<c>steps[].train.epochs</c>); a new key needs a line here (a test lists any that lacks one).
/// A pipeline operation's parameters may be described once for all operations with <c>*</c>.
/// </summary>
internal static class KeyDescriptions
{
    private static readonly Dictionary<string, string> Text = new(StringComparer.Ordinal)
    {
        ["name"] = "Names the report; letters, digits, - and _.",
        ["seeds"] = "Run once per seed and report mean, spread and 95% interval per metric (at least two different seeds).",
        ["seed"] = "Every random choice derives from it: split, shuffling, weight initialisation, dropout, augmentation. Required unless seeds is given (then the first seed).",
        ["device"] = "auto takes CUDA when TorchSharp sees a GPU; --device overrides it.",
        ["deterministic"] = "On CUDA: TF32 off. CPU runs are bit-identical regardless.",
        ["data"] = "Where the images are and how they are read and split.",
        ["data.image_size"] = "[height, width] the images are stretched to (bilinear, EXIF orientation applied).",
        ["data.root"] = "Folder holding the train (and test) folders. Overridden by --data-root or MELANOMA_EXP_DATA; relative to the working folder.",
        ["data.train"] = "Folder under root with one sub-folder per class (<class>/*.jpg|jpeg|png); classes are the folder names, sorted.",
        ["data.test"] = "Optional held-out folder under root with the same class folders; evaluated for every step.",
        ["data.validation_split"] = "Fraction of the training images held out for validation (seeded).",
        ["data.stratify"] = "Split each class in the same proportion.",
        ["data.on_bad_image"] = "What an undecodable file does: fail the run, or skip it (listed in the report).",
        ["data.split"] = "seeded: this tool's split (stratified unless stratify: false); keras: Keras' split bit for bit (unstratified numpy shuffle).",
        ["data.max_per_class"] = "Only the first N files of each class (quick runs).",
        ["data.audit"] = "Checks run before every training; the defaults change nothing.",
        ["data.audit.duplicates"] = "keep, or dedupe: drop byte-identical copies within a class.",
        ["data.audit.conflicts"] = "The same picture under two classes: keep, drop both copies, or fail.",
        ["data.audit.near_duplicate_threshold"] = "Bits of the 64-bit perceptual hash within which two images count as the same picture.",
        ["data.audit.test_copies"] = "Test images that copy a training image: keep (scored, with figures without them beside), or exclude from every Test figure.",
        ["data.audit.leakage"] = "Duplicates across training and validation: warn, group (keep them on one side), or fail.",
        ["data.groups"] = "Each image's group (collection, hospital, camera): the audit reports the class-by-group table and warns when the group predicts the class.",
        ["data.groups.pattern"] = "A regular expression matched against the file name; its first capture is the group (give this or csv).",
        ["data.groups.csv"] = "A metadata table (relative to the data root) naming each file's group (give this or pattern).",
        ["data.groups.file_column"] = "The csv column holding the file name, with or without extension.",
        ["data.groups.column"] = "The csv column holding the group.",
        ["data.validation"] = "How the validation set is chosen: a random split (validation_split), or whole groups held out.",
        ["data.validation.by"] = "random: validation_split's seeded split; group: train on the other groups, validate on hold_out (needs data.groups); random-groups: whole groups of pattern drawn at random, about validation_split of each class.",
        ["data.validation.pattern"] = "by: random-groups: a regular expression whose first capture on the file name is the image's split group, e.g. 'ISIC_(\\d{5})' (100 consecutive ISIC numbers).",
        ["data.validation.hold_out"] = "The groups validated on and never trained on (by: group), e.g. ['000'].",
        ["steps"] = "The models to train, one after another, each reported and compared with the previous one.",
        ["steps[].name"] = "Names the step in the report and in --set (steps.<name>.train.epochs=2).",
        ["steps[].model"] = "The network.",
        ["steps[].model.arch"] = "seed-cnn: the study's three-block CNN; resnet-small: a small residual network (stride-2 stem, three stages), trained from scratch or from init_from; onnx: a backbone imported from model.file with a new head; resnet18-imagenet: the ImageNet ResNet-18 of NuGet's Microsoft.ML.DnnImageFeaturizer.ResNet18 with a new head (image sizes in multiples of 32); torchvision-resnet18, torchvision-mobilenet-v2: TorchSharp's torchvision networks, ImageNet-normalised, from init_from weights exported from PyTorch (the 1000-class head is replaced).",
        ["steps[].model.file"] = "arch onnx: the .onnx graph (relative to the experiment file) imported as the backbone; its weights train; its sha256 enters the step key.",
        ["steps[].model.file_sha256"] = "arch onnx: the file's sha256 as recorded in a report's resolved experiment; a different file is refused.",
        ["steps[].model.channels"] = "arch onnx: the channel order the graph was trained on (rgb or bgr).",
        ["steps[].model.pixels"] = "arch onnx: the pixel range the graph was trained on: unit (0..1) or byte (0..255).",
        ["steps[].model.dropout"] = "Dropout rate after each pooling block and before the classifier (0: none; below 1).",
        ["steps[].model.batch_norm"] = "Batch normalisation after each convolution.",
        ["steps[].model.init_from"] = "A TorchSharp weights file (relative to the experiment file) the model starts from instead of random weights; its sha256 enters the step key. For the torchvision architectures a head of another shape in the file is left out (it starts fresh).",
        ["steps[].model.init_from_sha256"] = "The init_from file's sha256 as recorded in a report's resolved experiment; a different file is refused.",
        ["steps[].train"] = "How the step trains.",
        ["steps[].train.epochs"] = "Passes over the training split.",
        ["steps[].train.batch_size"] = "Images per training step.",
        ["steps[].train.optimizer"] = "adam, adam-keras (epsilon added before bias correction, as Keras) or sgd.",
        ["steps[].train.precision"] = "Training arithmetic: fp32, or mixed precision bf16 / fp16 with float32 master weights.",
        ["steps[].train.keep"] = "Which epoch's weights the step keeps: last, or best (lowest validation loss).",
        ["steps[].train.learning_rate"] = "Optimizer learning rate.",
        ["steps[].train.class_weights"] = "none, or balanced: each class's loss weighted by n / (classes x n_class) of the training split.",
        ["steps[].train.label_smoothing"] = "Share of each one-hot target spread evenly over all classes (0: none).",
        ["steps[].train.freeze"] = "Pretrained backbones only: none, backbone (only the new head learns), or a node of the backbone's graph through which the parameters stay fixed. Fixed nodes' batch normalisation uses its running statistics.",
        ["steps[].train.backbone_learning_rate_scale"] = "Pretrained backbones only: the backbone learns at learning_rate times this (the head at learning_rate).",
        ["steps[].train.batch_norm"] = "Pretrained backbones only: train (trainable nodes normalise by the batch and update their statistics) or frozen (every node uses its running statistics).",
        ["steps[].augment"] = "Online augmentation of training batches, fresh each epoch, with Keras' meanings.",
        ["steps[].augment.flip"] = "Random flips: horizontal, vertical, horizontal_and_vertical or none.",
        ["steps[].augment.rotation"] = "Fraction of a full turn: 0.2 rotates up to 72 degrees either way.",
        ["steps[].augment.zoom"] = "Zoom factor range: 0.2 zooms in or out by up to 20% (positive zooms out).",
        ["steps[].augment.translation"] = "Shift by up to this fraction of width and height.",
        ["steps[].augment.brightness"] = "Add up to this fraction of 255.",
        ["steps[].augment.contrast"] = "Scale contrast around the image mean by up to this fraction.",
        ["steps[].augment.fill_mode"] = "How pixels outside the image are filled: reflect, constant or nearest.",
        ["steps[].augment.hue"] = "Rotate the hue by up to this fraction of a full turn either way (luma kept).",
        ["steps[].augment.saturation"] = "Scale saturation by a factor drawn from [1 - s, 1 + s].",
        ["steps[].augment.crop_scale"] = "Random resized crop covering this to 100% of the area (aspect 3/4 to 4/3), resized back; 0: off.",
        ["steps[].rebalance"] = "Augmentor-style images generated per class before training (reproducible, cached).",
        ["steps[].rebalance.samples_per_class"] = "Generate this many images for every class (give this or target_per_class).",
        ["steps[].rebalance.target_per_class"] = "Top every class up to this many images (give this or samples_per_class).",
        ["steps[].rebalance.scope"] = "train-split generates from the training split only (honest); source-folder augments before the split, as the notebook did.",
        ["steps[].rebalance.output"] = "lossless: PNG files; augmentor: as Augmentor with PIL (JPEG quality 75, PIL's rotation canvas).",
        ["steps[].rebalance.pipeline"] = "Operations, each applied when round(uniform(0,1), 1) <= its probability, as Augmentor.",
        ["steps[].rebalance.pipeline[]"] = "One operation per item, by Augmentor's name.",
        ["steps[].rebalance.pipeline[].*"] = "An Augmentor operation; written alone (- flip_left_right:) it takes its defaults.",
        ["steps[].rebalance.pipeline[].*.probability"] = "Chance the operation is applied (0 means never).",
        ["steps[].rebalance.pipeline[].*.max_left"] = "Largest rotation to the left, degrees.",
        ["steps[].rebalance.pipeline[].*.max_right"] = "Largest rotation to the right, degrees.",
        ["steps[].rebalance.pipeline[].*.min_factor"] = "Smallest factor drawn.",
        ["steps[].rebalance.pipeline[].*.max_factor"] = "Largest factor drawn.",
        ["steps[].rebalance.pipeline[].*.percentage_area"] = "Fraction of the image area kept before resizing back.",
        ["steps[].rebalance.pipeline[].*.magnitude"] = "Strength of the distortion.",
        ["steps[].rebalance.pipeline[].*.grid_width"] = "Distortion grid columns.",
        ["steps[].rebalance.pipeline[].*.grid_height"] = "Distortion grid rows.",
        ["steps[].preprocess"] = "Done to every image before the network, in training and evaluation alike; part of the saved model.",
        ["steps[].preprocess.colour_constancy"] = "Shades of Gray colour constancy with this Minkowski norm p (1: Grey World, 6: the usual dermoscopy choice; 0: off).",
        ["steps[].preprocess.standardize"] = "Subtract each channel's mean and divide by its standard deviation, both measured on the training split.",
        ["steps[].evaluate"] = "How the step's final model is evaluated.",
        ["steps[].evaluate.tta"] = "Test-time augmentation: none, or flips (class probabilities averaged over the image and its three flips).",
        ["sweep"] = "Runs of this file over seeds and a grid of settings, read by 'melanoma-exp sweep' (a single run ignores it).",
        ["report"] = "Where the report goes.",
        ["report.dir"] = "Report folder (default reports/<name>); --output overrides it.",
        ["evaluation"] = "How steps are scored.",
        ["evaluation.positive_class"] = "Class scored against the rest (sensitivity, specificity, ROC); default melanoma, skipped if absent.",
        ["evaluation.bootstrap"] = "Resamples for the 95% confidence intervals (0: none).",
        ["verify"] = "What 'melanoma-exp verify' accepts as reproduced.",
        ["verify.tolerance"] = "Largest absolute differences accepted.",
        ["verify.tolerance.accuracy"] = "For accuracies (fractions 0..1).",
        ["verify.tolerance.loss"] = "For losses.",
    };

    /// <summary>Every described key path (<c>steps[].train.epochs</c>): the keys an experiment file can hold.</summary>
    public static IEnumerable<string> Paths => Text.Keys;

    /// <summary>The description of a key path, or null when none is written.</summary>
    public static string? For(string path)
    {
        if (Text.TryGetValue(path, out var text))
        {
            return text;
        }
        const string Op = "steps[].rebalance.pipeline[].";
        if (path.StartsWith(Op, StringComparison.Ordinal))
        {
            var parts = path[Op.Length..].Split('.');
            var wildcard = parts.Length == 1 ? $"{Op}*" : $"{Op}*.{parts[1]}";
            return Text.GetValueOrDefault(wildcard);
        }
        return null;
    }
}
