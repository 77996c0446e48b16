namespace MelanomaExp.Acquisition;

internal enum DataSourceKind
{
    Kaggle,
    Url,
    ZipFile,
    Folder,
}
